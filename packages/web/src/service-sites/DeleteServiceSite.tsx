import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TServiceSiteView } from '@potreby/server/service-sites/schema';
import { api } from '../api/client';
import { ConfirmDialog } from '../components/ConfirmDialog';

/** Ask before deleting a site (this year's record of it); the audit log keeps what it was. */
export function DeleteServiceSite({ site, onClose }: { site: TServiceSiteView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (id: number) => api.delete(`/service-sites/${id}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['service-sites'] });
      await queryClient.invalidateQueries({ queryKey: ['gaps'] });
      notifications.show({ color: 'teal', message: t('registry.deleted', { name: site?.name ?? '' }) });
      remove.reset();
      onClose();
    },
  });
  // Closing, however it is done, forgets a failed attempt so the next site starts clean.
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      opened={site !== null}
      onClose={close}
      title={t('registry.deleteTitle')}
      question={t('registry.deleteConfirm', { name: site?.name ?? '', year: site?.year ?? '' })}
      error={remove.error}
      onConfirm={() => site && remove.mutate(site.id)}
      confirmLabel={t('common.delete')}
      confirmTestId="confirm-delete"
      loading={remove.isPending}
      danger
    />
  );
}
