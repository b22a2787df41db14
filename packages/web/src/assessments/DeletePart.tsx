import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useDeletePart, type TPartName } from './assessment-queries';

/** Ask before removing a member, measure, method, group or finding; `question` names what goes. */
export function DeletePart({
  assessmentId,
  part,
  partId,
  title,
  question,
  onClose,
}: {
  assessmentId: number;
  part: TPartName;
  partId: number | null;
  title: string;
  question: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const remove = useDeletePart(assessmentId, part);
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      opened={partId !== null}
      onClose={close}
      title={title}
      question={question}
      error={remove.error}
      onConfirm={() =>
        partId !== null &&
        remove.mutate(partId, {
          onSuccess: () => {
            notifications.show({ color: 'teal', message: t('assessments.deleted') });
            close();
          },
        })
      }
      confirmLabel={t('common.delete')}
      confirmTestId="confirm-delete"
      loading={remove.isPending}
      danger
    />
  );
}
