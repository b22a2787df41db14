import { useState } from 'react';
import { Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TScenarioView } from '@potreby/server/planning/scenarios/schema';
import { api } from '../api/client';
import { useFormat } from '../app/format';
import { useNames } from '../app/names';
import { ErrorAlert } from '../components/ErrorAlert';
import type { RoundTabProps } from './round-parts';
import { differs } from './scenario-parts';

type Comparison = {
  gaps: { municipalityId: number; serviceType: string; unit: 'places' | 'persons_per_year'; a: number | null; b: number | null }[];
  checks: { check: string; a: number; b: number }[];
  budget: { year: number; a: number | null; b: number | null }[];
};
const ROUND = 'round';

/**
 * Two scenarios, or a scenario and the round as it is, side by side. A difference is marked by a
 * word and bold type as well as colour (WCAG 1.4.1); gaps that do not differ are counted, not listed.
 */
export function ScenarioCompare({ round, municipalities, scenarios }: RoundTabProps & { scenarios: TScenarioView[] }) {
  const { t } = useTranslation();
  const names = useNames();
  const fmt = useFormat();
  const [a, setA] = useState<string>(ROUND);
  const [b, setB] = useState<string>(String(scenarios[0]!.id));
  const comparison = useQuery({
    queryKey: ['planning-scenario-compare', round.id, a, b],
    queryFn: () => api.get<Comparison>(`/planning/rounds/${round.id}/scenarios/compare`, { a, b }),
    enabled: scenarios.some((s) => String(s.id) === b || b === ROUND),
  });
  const options = [{ value: ROUND, label: t('scenarios.roundAsItIs') }, ...scenarios.map((s) => ({ value: String(s.id), label: s.name }))];
  const label = (v: string) => options.find((o) => o.value === v)?.label ?? '';
  const c = comparison.data;
  const changedGaps = (c?.gaps ?? []).filter((g) => differs(g.a, g.b));
  const gap = (x: number | null, unit: string) => (x === null ? t('scenarios.noEstimate') : `${fmt.number(x, 1)} ${t(`capacityUnits.${unit}`)}`);
  const mark = (changed: boolean) => (changed ? <Text span fw={700} c="indigo.8">{` ≠ ${t('scenarios.differs')}`}</Text> : null);

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="scenario-compare-title" data-testid="scenario-compare">
      <Stack gap="sm">
        <Title order={2} size="h4" id="scenario-compare-title">
          {t('scenarios.compare')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label={t('scenarios.sideA')} value={a} allowDeselect={false} data={options} onChange={(v) => v && setA(v)} data-testid="compare-a" />
          <Select label={t('scenarios.sideB')} value={b} allowDeselect={false} data={options} onChange={(v) => v && setB(v)} data-testid="compare-b" />
        </SimpleGrid>
        <ErrorAlert error={comparison.error} />
        {c ? (
          <>
            <Table withTableBorder data-testid="compare-checks">
              <Table.Caption>{t('scenarios.checksCompared')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('scenarios.check')}</Table.Th>
                  <Table.Th className="num">{label(a)}</Table.Th>
                  <Table.Th className="num">{label(b)}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.checks.map((row) => (
                  <Table.Tr key={row.check} data-testid="compare-check" data-check={row.check} data-changed={row.a !== row.b}>
                    <Table.Td>
                      {t(`planHealth.kinds.${row.check}`)}
                      {mark(row.a !== row.b)}
                    </Table.Td>
                    <Table.Td className="num">{fmt.number(row.a)}</Table.Td>
                    <Table.Td className="num" fw={row.a !== row.b ? 700 : undefined}>
                      {fmt.number(row.b)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {c.budget.length > 0 ? (
              <Table withTableBorder data-testid="compare-budget">
                <Table.Caption>{t('scenarios.budgetCompared')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('scenarios.year')}</Table.Th>
                    <Table.Th className="num">{label(a)}</Table.Th>
                    <Table.Th className="num">{label(b)}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {c.budget.map((y) => (
                    <Table.Tr key={y.year}>
                      <Table.Td>
                        {y.year}
                        {mark(differs(y.a, y.b))}
                      </Table.Td>
                      <Table.Td className="num">{y.a === null ? t('budget.noCost') : fmt.number(y.a)}</Table.Td>
                      <Table.Td className="num" fw={differs(y.a, y.b) ? 700 : undefined}>
                        {y.b === null ? t('budget.noCost') : fmt.number(y.b)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : null}
            <Text size="sm" data-testid="compare-gaps-summary">
              {t('scenarios.gapsChanged', { count: changedGaps.length, total: c.gaps.length })}
            </Text>
            {changedGaps.length > 0 ? (
              <Table withTableBorder data-testid="compare-gaps">
                <Table.Caption>{t('scenarios.gapsCompared')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('scenarios.where')}</Table.Th>
                    <Table.Th className="num">{label(a)}</Table.Th>
                    <Table.Th className="num">{label(b)}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {changedGaps.map((g) => (
                    <Table.Tr key={`${g.municipalityId}-${g.serviceType}`} data-testid="compare-gap">
                      <Table.Td>
                        {names.territory(municipalities.find((m) => m.id === g.municipalityId))} · {names.serviceType(g.serviceType)}
                      </Table.Td>
                      <Table.Td className="num">{gap(g.a, g.unit)}</Table.Td>
                      <Table.Td className="num" fw={700}>
                        {gap(g.b, g.unit)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : null}
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
