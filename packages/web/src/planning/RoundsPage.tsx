import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Table, Text } from '@mantine/core';
import { IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TTerritoryList } from '@potreby/server/territories/schema';
import { api } from '../api/client';
import { useFormat } from '../app/format';
import { useNames } from '../app/names';
import { useSession } from '../app/session';
import { ListTable } from '../components/ListTable';
import { PageTitle } from '../components/PageTitle';
import { RoundForm } from './RoundForm';
import { useRounds } from './round-queries';
import { mayOpenRounds } from './round-access';
import { SUCCESS_COLOUR } from '../questionnaires/colours';

/** The planning rounds the user takes part in: a region's, or a municipality's own. */
export function RoundsPage() {
  const { t } = useTranslation();
  const names = useNames();
  const fmt = useFormat();
  const { user } = useSession();
  const [creating, setCreating] = useState(false);
  const rounds = useRounds(null);
  const items = rounds.data?.items ?? [];
  // A first start without the demonstration has no territory: a round (for a region or a
  // municipality) cannot be opened until they are imported, and the form alone would only offer
  // an empty list. Say so, and where to go.
  const mayOpen = mayOpenRounds(user);
  const territories = useQuery({ queryKey: ['territories', 'top'], enabled: mayOpen, queryFn: () => api.get<TTerritoryList>('/territories') });
  const noTerritory = mayOpen && territories.isSuccess && territories.data.items.length === 0;

  return (
    <>
      <PageTitle title={t('rounds.title')}>
        {mayOpen ? (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)} data-testid="open-round">
            {t('rounds.open')}
          </Button>
        ) : null}
      </PageTitle>
      <Text mb="md" maw={820}>
        {t('rounds.intro')}
      </Text>
      {noTerritory ? (
        <Alert color="gray" icon={<IconInfoCircle aria-hidden />} mb="md" data-testid="rounds-no-territory">
          {t('rounds.noTerritory')}{' '}
          <Anchor component={Link} to="/imports">
            {t('rounds.toImports')}
          </Anchor>
        </Alert>
      ) : null}
      <ListTable
        query={rounds}
        count={items.length}
        empty={t('rounds.empty')}
        emptyTestId="rounds-empty"
        minWidth={640}
        testId="rounds-table"
        columns={[
          { key: 'territory', label: t('rounds.territory') },
          { key: 'template', label: t('rounds.template') },
          { key: 'period', label: t('rounds.period') },
          { key: 'status', label: t('rounds.status') },
          { key: 'created', label: t('rounds.created') },
        ]}
      >
        {items.map((r) => (
          <Table.Tr key={r.id} data-testid="round-row">
            <Table.Td lang={names.territoryLang(r.territory)}>
              <Anchor component={Link} to={`/planning/${r.id}`} fw={600} size="sm" data-testid="open-round-link">
                {names.territory(r.territory)}
              </Anchor>
            </Table.Td>
            <Table.Td>{t(`planningTemplates.templates.${r.templateKey}.name`, { defaultValue: r.templateKey })}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{t('rounds.periodRange', { from: r.periodStart, to: r.periodEnd })}</Table.Td>
            <Table.Td>
              <Badge size="sm" variant={r.status === 'open' ? 'light' : 'outline'} color={r.status === 'open' ? SUCCESS_COLOUR : 'gray.8'}>
                {t(`rounds.statuses.${r.status}`)}
              </Badge>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(r.createdAt)}</Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      <RoundForm opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
