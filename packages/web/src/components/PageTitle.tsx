import { useEffect, type ReactNode } from 'react';
import { Group, Title } from '@mantine/core';

/** The screen's one h1, also used as the browser tab title; actions (buttons) sit on the right. */
export function PageTitle({ title, children }: { title: string; children?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · potreby`;
  }, [title]);
  return (
    <Group justify="space-between" align="center" mb="md" wrap="wrap" gap="sm">
      <Title order={1} size="h2" data-testid="page-title">
        {title}
      </Title>
      {children ? <Group gap="xs">{children}</Group> : null}
    </Group>
  );
}
