import { useEffect, type ReactNode } from 'react';
import { Group, Title } from '@mantine/core';

/** The screen's one h1, also used as the browser tab title; actions (buttons) sit on the right. */
/**
 * `lang`: the title's language when it is data in another language (an assessment's title);
 * `heading`: the title drawn with its data marked (a Phrase), when it mixes words and data.
 */
export function PageTitle({ title, lang, heading, children }: { title: string; lang?: string; heading?: ReactNode; children?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · potreby`;
  }, [title]);
  return (
    <Group justify="space-between" align="center" mb="md" wrap="wrap" gap="sm">
      <Title order={1} size="h2" data-testid="page-title" lang={lang}>
        {heading ?? title}
      </Title>
      {children ? <Group gap="xs">{children}</Group> : null}
    </Group>
  );
}
