import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TPlanChecks } from '@potreby/server/planning/schema';
import { useFormat } from '../app/format';
import { gapOrSurplus } from './round-parts';

/**
 * Under an item's capacity change, the gap it answers: its municipality's gap for the service type
 * before and after the plan (every item of the plan counted), or that the need has no estimate.
 * Nothing while the checks are loading.
 */
export function ItemGap({ gap }: { gap: TPlanChecks['gaps'][number] | undefined }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (!gap) return null;
  // "gap 11.1 → 1.1"; "surplus 2 → 0.5"; where the plan turns a gap into a surplus (or back),
  // each side named: "gap 29.6 → surplus 0.4", never "gap 29.6 → -0.4".
  const words = (before: number, after: number) => {
    const [b, a] = [gapOrSurplus(before), gapOrSurplus(after)];
    const value = (g: { amount: number }) => fmt.number(g.amount, 1);
    if (b.side === a.side) return t(b.side === 'gap' ? 'proposals.gapAnswered' : 'proposals.surplusAnswered', { before: value(b), after: value(a) });
    const named = (g: typeof b) => t(g.side === 'gap' ? 'proposals.gapOf' : 'proposals.surplusOf', { value: value(g) });
    return t('proposals.gapSides', { before: named(b), after: named(a) });
  };
  const text =
    gap.gapBefore === null || gap.gapAfter === null
      ? t('proposals.gapNoEstimate')
      : words(gap.gapBefore, gap.gapAfter);
  return (
    <Text size="xs" c="gray.7" data-testid="item-gap">
      {text}
    </Text>
  );
}
