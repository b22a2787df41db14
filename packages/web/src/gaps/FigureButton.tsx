import { UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import './gaps.css';

/**
 * A figure of the gap table or the summary that opens "how was this computed". Its accessible
 * name starts with the visible figure (WCAG 2.5.3) and says what it is and what it opens.
 */
export function FigureButton(props: { label: string; onClick: () => void; children: ReactNode; testId?: string }) {
  return (
    <UnstyledButton className="gaps-figure" onClick={props.onClick} aria-label={props.label} data-testid={props.testId}>
      {props.children}
    </UnstyledButton>
  );
}
