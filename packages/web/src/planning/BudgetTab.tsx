import { useMemo } from 'react';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format';
import { useNames } from '../app/names';
import { ListTable } from '../components/ListTable';
import type { RoundTabProps } from './round-parts';
import { useBudget } from './round-queries';
import { WARNING_COLOUR } from '../questionnaires/colours';

/** The plan as a budget: the annual cost by municipality and funding source, a column per year, and the totals. */
export function BudgetTab({ round, municipalities }: RoundTabProps) {
  const { t } = useTranslation();
  const names = useNames();
  const fmt = useFormat();
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
        {t('budget.intro')}
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
    </>
  );
}
