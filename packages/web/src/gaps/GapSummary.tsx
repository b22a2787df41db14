import { Group, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TServiceType } from '@potreby/domain';
import type { TGapDashboard } from '@potreby/server/gaps/schema';
import type { GapLabels } from './use-gap-labels';
import './gaps.css';

type Totals = { need: number; capacity: number; shortfall: number };

/**
 * Totals are kept apart per capacity unit: places and persons served a year cannot be added
 * together honestly.
 */
function totalsByUnit(dashboard: TGapDashboard, serviceTypes: readonly TServiceType[]): [string, Totals][] {
  const unitOf = new Map(serviceTypes.map((s) => [s.key, s.unit as string]));
  const totals = new Map<string, Totals>();
  for (const row of dashboard.rows) {
    const unit = unitOf.get(row.serviceType) ?? 'places';
    const sum = totals.get(unit) ?? { need: 0, capacity: 0, shortfall: 0 };
    sum.need += row.need ?? 0;
    sum.capacity += row.capacity;
    sum.shortfall += row.shortfall;
    totals.set(unit, sum);
  }
  return [...totals.entries()].sort(([a], [b]) => a.localeCompare(b));
}

export function GapSummary(props: { dashboard: TGapDashboard; labels: GapLabels }) {
  const { t } = useTranslation();
  const { dashboard, labels } = props;
  const totals = totalsByUnit(dashboard, labels.serviceTypes);
  const { diversity } = dashboard;
  const availableNeeded = diversity.needed.filter((k) => diversity.available.includes(k)).length;

  const figureCard = (key: 'need' | 'capacity' | 'shortfall', testId: string) => (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Text size="sm" c="gray.7" fw={500}>
        {t(`gaps.summary.${key}`)}
      </Text>
      {totals.length === 0 && <Text fw={700} fz="xl">—</Text>}
      {totals.map(([unit, sum]) => (
        <Group key={unit} gap={6} align="baseline" wrap="nowrap">
          <Text fw={700} fz="xl" className={key === 'shortfall' && sum.shortfall > 0 ? 'gaps-num gaps-shortfall' : 'gaps-num'}>
            {labels.number(sum[key], 1)}
          </Text>
          <Text size="sm" c="gray.7">
            {t(`capacityUnits.${unit}`)}
          </Text>
        </Group>
      ))}
      {key === 'shortfall' && (
        <Text size="xs" c="gray.7" mt={4}>
          {t('gaps.summary.shortfallHelp')}
        </Text>
      )}
    </Paper>
  );

  return (
    <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="sm">
      {figureCard('need', 'gap-total-need')}
      {figureCard('capacity', 'gap-total-capacity')}
      {figureCard('shortfall', 'gap-total-shortfall')}
      <Paper withBorder p="md" radius="md" data-testid="gap-diversity">
        <Text size="sm" c="gray.7" fw={500}>
          {t('gaps.summary.diversity')}
        </Text>
        {diversity.needed.length === 0 ? (
          <Text size="sm">{t('gaps.summary.nothingNeeded')}</Text>
        ) : (
          <Stack gap={4}>
            <Text fw={700} fz="lg">
              {t('gaps.summary.diversityFigure', { available: labels.number(availableNeeded), count: diversity.needed.length, needed: labels.number(diversity.needed.length) })}
            </Text>
            {diversity.missing.length > 0 ? (
              <>
                <Text size="sm" c="gray.7">
                  {t('gaps.summary.missing')}
                </Text>
                <List size="sm" spacing={2} data-testid="gap-missing-types">
                  {diversity.missing.map((k) => (
                    <List.Item key={k}>{labels.serviceType(k)}</List.Item>
                  ))}
                </List>
              </>
            ) : (
              <Text size="sm">{t('gaps.summary.noneMissing')}</Text>
            )}
          </Stack>
        )}
      </Paper>
    </SimpleGrid>
  );
}
