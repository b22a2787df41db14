import { useMemo, useState } from 'react';
import { Badge, Group, Paper, SegmentedControl, SimpleGrid, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PLAN_CHECKS } from '@potreby/domain/planning/proposal';
import { useFormat } from '../app/format';
import { useNames } from '../app/names';
import { ListTable } from '../components/ListTable';
import type { RoundTabProps } from './round-parts';
import { useChecks } from './round-queries';
import { DANGER_COLOUR, SUCCESS_COLOUR } from '../questionnaires/colours';

/**
 * Plan health: every check for every municipality at once, from the server's pure plan checks.
 * A change of an item refreshes it (the items and checks share the round's query key).
 */
export function PlanHealthTab({ round, municipalities }: RoundTabProps) {
  const { t } = useTranslation();
  const names = useNames();
  const fmt = useFormat();
  const checks = useChecks(round.id, names.language);
  const [severity, setSeverity] = useState<'all' | 'problem' | 'notice'>('all');
  const all = checks.data?.checks ?? [];
  const shown = useMemo(() => all.filter((c) => severity === 'all' || c.severity === severity), [all, severity]);
  const municipalityName = (id: number | null, code: string | null) => {
    const found = municipalities.find((m) => m.id === id);
    return found ? names.territory(found) : (code ?? '—');
  };
  const perMunicipality = useMemo(() => {
    const problems = new Map<number, number>();
    for (const c of all) if (c.severity === 'problem' && c.municipalityId !== null) problems.set(c.municipalityId, (problems.get(c.municipalityId) ?? 0) + 1);
    return problems;
  }, [all]);

  return (
    <>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" mb="md">
        {PLAN_CHECKS.map((kind) => {
          const n = all.filter((c) => c.check === kind).length;
          return (
            <Paper key={kind} withBorder p="sm" data-testid={`health-${kind}`} data-count={n}>
              <Text size="xs" c="gray.7" fw={600}>
                {t(`planHealth.kinds.${kind}`)}
              </Text>
              <Text size="xl" fw={700} c={n > 0 && kind !== 'uncertain_gap' ? 'red.8' : undefined}>
                {fmt.number(n)}
              </Text>
            </Paper>
          );
        })}
      </SimpleGrid>
      <Paper withBorder p="sm" mb="md">
        <Text size="sm" fw={600} mb={6}>
          {t('planHealth.byMunicipality')}
        </Text>
        <Group gap={6} data-testid="health-municipalities">
          {municipalities.map((m) => {
            const n = perMunicipality.get(m.id) ?? 0;
            return (
              <Badge key={m.id} size="md" variant="light" color={n > 0 ? DANGER_COLOUR : SUCCESS_COLOUR} data-testid="health-municipality" data-problems={n} style={{ textTransform: 'none' }}>
                {names.territory(m)}: {n > 0 ? t('planHealth.problems', { count: n }) : t('planHealth.none')}
              </Badge>
            );
          })}
        </Group>
      </Paper>
      <SegmentedControl
        mb="sm"
        value={severity}
        onChange={(v) => setSeverity(v as typeof severity)}
        data={(['all', 'problem', 'notice'] as const).map((s) => ({ value: s, label: t(`planHealth.severities.${s}`) }))}
        data-testid="health-severity"
      />
      <ListTable
        query={checks}
        count={shown.length}
        empty={all.length === 0 ? t('planHealth.healthy') : t('planHealth.noneOfThese')}
        emptyTestId="health-empty"
        minWidth={760}
        testId="health-table"
        columns={[
          { key: 'municipality', label: t('proposals.municipality') },
          { key: 'check', label: t('planHealth.check') },
          { key: 'type', label: t('proposals.serviceType') },
          { key: 'message', label: t('planHealth.message') },
        ]}
      >
        {shown.map((c, i) => (
          <Table.Tr key={`${c.check}-${c.municipalityId}-${c.serviceType}-${c.item}-${c.stage}-${i}`} data-testid="health-row" data-check={c.check}>
            <Table.Td>{municipalityName(c.municipalityId, c.municipality)}</Table.Td>
            <Table.Td>
              <Badge size="sm" variant="light" color={c.severity === 'problem' ? DANGER_COLOUR : 'gray'}>
                {t(`planHealth.kinds.${c.check}`)}
              </Badge>
            </Table.Td>
            <Table.Td>{c.serviceType ? names.serviceType(c.serviceType) : '—'}</Table.Td>
            <Table.Td>{c.message}</Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
    </>
  );
}
