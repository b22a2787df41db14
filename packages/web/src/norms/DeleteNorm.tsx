import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TNormView } from '@potreby/server/norms/schema';
import { api } from '../api/client';
import { useNames } from '../app/names';
import { ConfirmDialog } from '../components/ConfirmDialog';

export function DeleteNorm({ norm, onClose }: { norm: TNormView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const names = useNames();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (id: number) => api.delete(`/norms/${id}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['norms'] });
      await queryClient.invalidateQueries({ queryKey: ['gaps'] });
      notifications.show({ color: 'teal', message: t('norms.deleted') });
      remove.reset();
      onClose();
    },
  });
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      opened={norm !== null}
      onClose={close}
      title={t('norms.deleteTitle')}
      question={norm ? t('norms.deleteConfirm', { name: names.serviceType(norm.serviceType), territory: names.territory(norm.territory) }) : null}
      error={remove.error}
      onConfirm={() => norm && remove.mutate(norm.id)}
      confirmLabel={t('common.delete')}
      confirmTestId="confirm-delete-norm"
      loading={remove.isPending}
      danger
    />
  );
}
