import { Button, Modal } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFileImport } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PlanFileImport } from './PlanFileImport';
import { roundKeys } from './round-queries';

/** "Import items": a municipality's proposal from a spreadsheet, added to the round all or nothing. */
export function ProposalsImport({ roundId }: { roundId: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="default" leftSection={<IconFileImport size={16} aria-hidden />} onClick={open} data-testid="import-items">
        {t('planImports.title.proposals')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('planImports.title.proposals')} size="xl" closeButtonProps={{ 'aria-label': t('common.close') }}>
        <PlanFileImport kind="proposals" path={`/planning/rounds/${roundId}/imports/proposals`} onImported={() => queryClient.invalidateQueries({ queryKey: roundKeys.round(roundId) })} />
      </Modal>
    </>
  );
}
