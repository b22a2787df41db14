import { ActionIcon, Tooltip } from '@mantine/core';
import type { ComponentType } from 'react';

/**
 * An icon button acting on one row of a table (view, edit, delete …): a tooltip for sighted
 * users, a label naming the row for screen readers, red for what removes.
 */
export function RowAction({
  tooltip,
  label,
  icon: Icon,
  onClick,
  testId,
  danger = false,
}: {
  tooltip: string;
  label: string;
  icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean }>;
  onClick: () => void;
  testId: string;
  danger?: boolean;
}) {
  return (
    <Tooltip label={tooltip}>
      <ActionIcon variant="subtle" color={danger ? 'red.9' : undefined} onClick={onClick} aria-label={label} data-testid={testId}>
        <Icon size={16} aria-hidden />
      </ActionIcon>
    </Tooltip>
  );
}
