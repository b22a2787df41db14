import { Text } from '@mantine/core';
import { useNames } from '../app/names';

/**
 * Where a norm comes from. The demonstration's illustrative norms are shown in the reader's
 * language; a source someone entered (a decision, a strategy) is cited as written.
 */
export function NormSource({ source }: { source: string | null }) {
  const names = useNames();
  if (!source) return <Text size="sm">—</Text>;
  const shown = names.dataText(source);
  return (
    <Text size="sm" translate={shown === source ? 'no' : undefined} data-testid="norm-source-text">
      {shown}
    </Text>
  );
}
