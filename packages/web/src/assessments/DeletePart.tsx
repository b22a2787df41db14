import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
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
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red.9"
            loading={remove.isPending}
            onClick={() =>
              partId !== null &&
              remove.mutate(partId, {
                onSuccess: () => {
                  notifications.show({ color: 'teal', message: t('assessments.deleted') });
                  close();
                },
              })
            }
            data-testid="confirm-delete"
          >
            {t('common.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
