import { Group, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TGapDashboard } from '@potreby/server/gaps/schema';
import type { GapLabels } from './use-gap-labels';
import './gaps.css';

/**
 * Totals are kept apart per unit (the domain's gapTotals, computed by the server): places,
 * persons served a year and a survey's persons cannot be added together honestly. A unit with
 * no estimate says so, and why, instead of showing 0.
 */
export function GapSummary(props: { dashboard: TGapDashboard; labels: GapLabels }) {
  const { t } = useTranslation();
  const { dashboard, labels } = props;
  const { diversity, totals } = dashboard;
  const availableNeeded = diversity.needed.filter((k) => diversity.available.includes(k)).length;

  const figureCard = (key: 'need' | 'capacity' | 'shortfall', testId: string) => (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Text size="sm" c="gray.7" fw={500}>
        {t(`gaps.summary.${key}`)}
      </Text>
      {totals[key].length === 0 && <Text fw={700} fz="xl">—</Text>}
      {totals[key].map((sum) => (
        <div key={sum.unit} data-testid={`${testId}-${sum.unit}`}>
          {sum.value === null ? (
            <Stack gap={0}>
              <Group gap={6} align="baseline" wrap="wrap">
                <Text fw={700} fz="lg" data-testid="gap-no-estimate">
                  {t(sum.missing === 'not_comparable' ? 'gaps.notComparable' : 'gaps.noEstimate')}
                </Text>
                <Text size="sm" c="gray.7">
                  {labels.unitName(sum.unit)}
                </Text>
              </Group>
              {sum.missing && (
                <Text size="xs" c="gray.7">
                  {labels.why(sum.missing)}
                </Text>
              )}
            </Stack>
          ) : (
            <Group gap={6} align="baseline" wrap="nowrap">
              <Text fw={700} fz="xl" className={key === 'shortfall' && sum.value > 0 ? 'gaps-num gaps-shortfall' : 'gaps-num'}>
                {labels.number(sum.value, 1)}
              </Text>
              <Text size="sm" c="gray.7">
                {t(`gaps.countUnits.${sum.unit}`)}
              </Text>
            </Group>
          )}
        </div>
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
