import { useMemo, useState } from 'react';
import { Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FUNDING_SOURCES } from '@potreby/domain/planning/proposal';
import { api } from '../api/client';
import { useFormat } from '../app/format';
import { useNames } from '../app/names';
import { useSession } from '../app/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { ListTable } from '../components/ListTable';
import { RowAction } from '../components/RowAction';
import { WARNING_COLOUR } from '../questionnaires/colours';
import { mayOpenRounds } from './round-access';
import type { RoundTabProps } from './round-parts';
import { useRoundCurrency } from './currency';
import { roundKeys, useBudget, useChecks } from './round-queries';

/** The plan as a budget: the annual cost by municipality and funding source, a column per year, and the totals. */
export function BudgetTab({ round, municipalities }: RoundTabProps) {
  const { t } = useTranslation();
  const names = useNames();
  const fmt = useFormat();
  const currency = useRoundCurrency(round);
  const budget = useBudget(round.id);
  const years = useMemo(() => Array.from({ length: round.periodEnd - round.periodStart + 1 }, (_, i) => round.periodStart + i), [round.periodStart, round.periodEnd]);
  const { lines, totals, unpriced } = useMemo(() => {
    // A cost is null where no item's cost is known (no own cost, no standard): never shown as 0.
    const byLine = new Map<string, { municipalityId: number; fundingSource: string; cost: Map<number, number | null> }>();
    const totals = new Map<number, number>();
    let unpriced = 0;
    for (const r of budget.data?.rows ?? []) {
      const key = `${r.municipalityId}|${r.fundingSource}`;
      const line = byLine.get(key) ?? { municipalityId: r.municipalityId, fundingSource: r.fundingSource, cost: new Map<number, number | null>() };
      const before = line.cost.get(r.year) ?? null;
      line.cost.set(r.year, r.cost === null ? before : (before ?? 0) + r.cost);
      byLine.set(key, line);
      if (r.cost !== null) totals.set(r.year, (totals.get(r.year) ?? 0) + r.cost);
      unpriced = Math.max(unpriced, r.unpricedItems);
    }
    const name = (id: number) => names.territory(municipalities.find((m) => m.id === id));
    const lines = [...byLine.values()].sort((a, b) => name(a.municipalityId).localeCompare(name(b.municipalityId), names.language) || a.fundingSource.localeCompare(b.fundingSource));
    return { lines, totals, unpriced };
  }, [budget.data, municipalities, names.language]);

  return (
    <>
      <Text size="sm" c="gray.7" mb="sm" maw={820}>
        {t('budget.intro')} {t('budget.amountsIn', { currency })}
      </Text>
      {unpriced > 0 ? (
        <Text size="sm" c={WARNING_COLOUR} mb="sm" data-testid="budget-unpriced">
          {t('budget.unpriced', { count: unpriced })}
        </Text>
      ) : null}
      <ListTable
        query={budget}
        count={lines.length}
        empty={t('budget.empty')}
        emptyTestId="budget-empty"
        minWidth={360 + years.length * 96}
        testId="budget-table"
        columns={[
          { key: 'municipality', label: t('proposals.municipality') },
          { key: 'funding', label: t('proposals.fundingSource') },
          ...years.map((y) => ({ key: String(y), label: String(y), numeric: true })),
        ]}
      >
        {lines.map((l) => (
          <Table.Tr key={`${l.municipalityId}-${l.fundingSource}`} data-testid="budget-row">
            <Table.Td>{names.territory(municipalities.find((m) => m.id === l.municipalityId))}</Table.Td>
            <Table.Td>{t(`fundingSources.${l.fundingSource}`)}</Table.Td>
            {years.map((y) => (
              <Table.Td key={y} className="num">
                {l.cost.get(y) != null ? fmt.number(l.cost.get(y)!) : l.cost.has(y) ? t('budget.noCost') : '—'}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
        <Table.Tr data-testid="budget-total" fw={700}>
          <Table.Td>{t('budget.total')}</Table.Td>
          <Table.Td />
          {years.map((y) => (
            <Table.Td key={y} className="num">
              {totals.has(y) ? fmt.number(totals.get(y)!) : '—'}
            </Table.Td>
          ))}
        </Table.Tr>
      </ListTable>
      <EnvelopeForm round={round} municipalities={municipalities} />
    </>
  );
}

type Envelope = { municipalityId: number | null; fundingSource: (typeof FUNDING_SOURCES)[number] | null; annualLimit: number };
const ANY = 'any';

/**
 * A round's budget envelopes (issue 8, item 6): an annual limit per municipality, per funding
 * source, or both. The region's officers set and clear them (the server decides); everyone who
 * reads the round sees them and the `over_budget` checks they cause, refreshed at once.
 */
function EnvelopeForm({ round, municipalities }: RoundTabProps) {
  const { t, i18n } = useTranslation();
  const names = useNames();
  const fmt = useFormat();
  const currency = useRoundCurrency(round);
  const { user } = useSession();
  const queryClient = useQueryClient();
  const canEdit = mayOpenRounds(user) && round.status === 'open';
  const key = ['planning-round', round.id, 'envelopes'];
  const envelopes = useQuery({ queryKey: key, queryFn: () => api.get<{ items: Envelope[] }>(`/planning/rounds/${round.id}/envelopes`) });
  const checks = useChecks(round.id, i18n.language);
  const overBudget = (checks.data?.checks ?? []).filter((c) => c.check === 'over_budget');
  const [municipality, setMunicipality] = useState<string>(ANY);
  const [source, setSource] = useState<string>(ANY);
  const [limit, setLimit] = useState<number | ''>('');

  const save = useMutation({
    mutationFn: (items: Envelope[]) => api.put<{ items: Envelope[] }>(`/planning/rounds/${round.id}/envelopes`, { items }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(key, saved);
      await queryClient.invalidateQueries({ queryKey: roundKeys.part(round.id, 'checks') });
      setLimit('');
    },
  });
  const current = envelopes.data?.items ?? [];
  const scopeName = (e: Envelope) =>
    [e.municipalityId === null ? t('envelopes.allMunicipalities') : names.territory(municipalities.find((m) => m.id === e.municipalityId)), e.fundingSource === null ? t('envelopes.allSources') : t(`fundingSources.${e.fundingSource}`)].join(' · ');
  const add = () => {
    if (limit === '') return;
    const next: Envelope = { municipalityId: municipality === ANY ? null : Number(municipality), fundingSource: source === ANY ? null : (source as Envelope['fundingSource']), annualLimit: limit };
    // One envelope per municipality and source: a new limit replaces the old one.
    save.mutate([...current.filter((e) => e.municipalityId !== next.municipalityId || e.fundingSource !== next.fundingSource), next]);
  };

  return (
    <Paper withBorder p="sm" mt="md" component="section" aria-labelledby="envelopes-title" data-testid="envelopes">
      <Stack gap="xs">
        <Title order={2} size="h4" id="envelopes-title">
          {t('envelopes.title')}
        </Title>
        <Text size="sm" maw={820}>
          {t('envelopes.intro')}
        </Text>
        <ListTable
          query={envelopes}
          count={current.length}
          empty={t('envelopes.empty')}
          minWidth={0}
          testId="envelopes-table"
          columns={[
            { key: 'scope', label: t('envelopes.scope') },
            { key: 'limit', label: t('envelopes.annualLimit', { currency }), numeric: true },
            ...(canEdit ? [{ key: 'actions', label: t('common.actions'), hidden: true }] : []),
          ]}
        >
          {current.map((e) => (
            <Table.Tr key={`${e.municipalityId}-${e.fundingSource}`} data-testid="envelope-row">
              <Table.Td>{scopeName(e)}</Table.Td>
              <Table.Td className="num">{fmt.number(e.annualLimit)}</Table.Td>
              {canEdit ? (
                <Table.Td>
                  <RowAction
                    tooltip={t('envelopes.clear')}
                    label={t('envelopes.clearNamed', { name: scopeName(e) })}
                    icon={IconTrash}
                    onClick={() => save.mutate(current.filter((x) => x !== e))}
                    testId="clear-envelope"
                    danger
                  />
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </ListTable>
        {overBudget.map((c, i) => (
          <Text key={i} size="sm" c={WARNING_COLOUR} role="status" data-testid="over-budget">
            {c.message}
          </Text>
        ))}
        {canEdit ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              add();
            }}
          >
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label={t('proposals.municipality')}
                value={municipality}
                allowDeselect={false}
                data={[{ value: ANY, label: t('envelopes.allMunicipalities') }, ...municipalities.map((m) => ({ value: String(m.id), label: names.territory(m) }))]}
                onChange={(v) => v && setMunicipality(v)}
                data-testid="envelope-municipality"
              />
              <Select
                label={t('proposals.fundingSource')}
                value={source}
                allowDeselect={false}
                data={[{ value: ANY, label: t('envelopes.allSources') }, ...FUNDING_SOURCES.map((f) => ({ value: f, label: t(`fundingSources.${f}`) }))]}
                onChange={(v) => v && setSource(v)}
                data-testid="envelope-source"
              />
              <NumberInput label={t('envelopes.annualLimit', { currency })} value={limit} min={0} max={1e12} thousandSeparator=" " onChange={(v) => setLimit(typeof v === 'number' ? v : '')} required data-testid="envelope-limit" />
            </SimpleGrid>
            <Group mt="xs">
              <Button type="submit" loading={save.isPending} disabled={limit === ''} data-testid="set-envelope">
                {t('envelopes.set')}
              </Button>
            </Group>
          </form>
        ) : null}
        <ErrorAlert error={save.error} />
      </Stack>
    </Paper>
  );
}
