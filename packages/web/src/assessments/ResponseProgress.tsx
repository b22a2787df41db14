import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format';

/**
 * Responses so far against the target, as a bar with the figures written next to it (the bar
 * alone would say nothing to a screen reader or in print).
 */
export function ResponseProgress({ responses, target, label, testId }: { responses: number; target: number; label: string; testId?: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const share = target > 0 ? responses / target : null;
  const reached = share !== null && share >= 1;
  return (
    <Stack gap={2} miw={160} data-testid={testId}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" className="num" data-testid="progress-figures">
          {target > 0 ? t('dataMethods.ofTarget', { responses: fmt.number(responses), target: fmt.number(target) }) : fmt.number(responses)}
        </Text>
        {share !== null ? (
          <Text size="xs" c={reached ? 'teal.9' : 'gray.7'} fw={reached ? 700 : 400} className="num">
            {reached ? t('dataMethods.targetReached') : fmt.percent(share)}
          </Text>
        ) : null}
      </Group>
      {target > 0 ? <Progress value={Math.min(100, Math.round((share ?? 0) * 100))} color={reached ? 'teal.8' : 'blue.8'} size="md" aria-label={t('dataMethods.progressOf', { group: label })} /> : null}
    </Stack>
  );
}
