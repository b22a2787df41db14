import { Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { DialogActions } from '../components/DialogActions';
import { ErrorAlert } from '../components/ErrorAlert';
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
    <Modal opened={partId !== null} onClose={close} title={title}>
      <Stack>
        <Text>{question}</Text>
        <ErrorAlert error={remove.error} />
        <DialogActions
          onCancel={close}
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
      </Stack>
    </Modal>
  );
}
