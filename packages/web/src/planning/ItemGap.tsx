import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TPlanChecks } from '@potreby/server/planning/schema';
import { useFormat } from '../app/format';

/**
 * Under an item's capacity change, the gap it answers: its municipality's gap for the service type
 * before and after the plan (every item of the plan counted), or that the need has no estimate.
 * Nothing while the checks are loading.
 */
export function ItemGap({ gap }: { gap: TPlanChecks['gaps'][number] | undefined }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (!gap) return null;
  const text =
    gap.gapBefore === null || gap.gapAfter === null
      ? t('proposals.gapNoEstimate')
      : t('proposals.gapAnswered', { before: fmt.number(gap.gapBefore, 1), after: fmt.number(gap.gapAfter, 1) });
  return (
    <Text size="xs" c="gray.7" data-testid="item-gap">
      {text}
    </Text>
  );
}
