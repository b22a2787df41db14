import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TServiceSiteView } from '@potreby/server/service-sites/schema';
import { api } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';

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
  return (
    <Modal
      opened={site !== null}
      onClose={() => {
        remove.reset();
        onClose();
      }}
      title={t('registry.deleteTitle')}
     
    >
      <Stack>
        <Text>{t('registry.deleteConfirm', { name: site?.name ?? '', year: site?.year ?? '' })}</Text>
        <ErrorAlert error={remove.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red.9" loading={remove.isPending} onClick={() => site && remove.mutate(site.id)} data-testid="confirm-delete">
            {t('common.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
