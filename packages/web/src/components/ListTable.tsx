import type { ReactNode } from 'react';
import { Loader, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert';

/** A column heading; `numeric` aligns it with its figures, `hidden` keeps it for screen readers only. */
export type ListColumn = { key: string; label: ReactNode; numeric?: boolean; hidden?: boolean };

type Props = {
  /** The list's query: its error and loading state, and whether it has answered. */
  query: { error: unknown; isLoading: boolean; data: unknown };
  /** How many rows there are (the page filters or sorts them itself). */
  count: number;
  /** What an empty list says: never an empty box. */
  empty: ReactNode;
  emptyTestId?: string;
  columns: ListColumn[];
  /** Below this width the table scrolls in its own box rather than squeezing (a phone). */
  minWidth: number;
  testId: string;
  mb?: string;
  /** The rows, `<Table.Tr>` each. */
  children: ReactNode;
};

/**
 * The list pages' one table: the query's error, a loader while it runs, a sentence when the list is
 * empty, and the table in a frame that scrolls sideways on a phone.
 */
export function ListTable({ query, count, empty, emptyTestId, columns, minWidth, testId, mb, children }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorAlert error={query.error} />
      {query.isLoading ? <Loader role="status" aria-label={t('common.loading')} /> : null}
      {query.data ? (
        <Paper withBorder p="sm" mb={mb}>
          {count === 0 ? (
            <Text c="gray.7" ta="center" py="lg" data-testid={emptyTestId}>
              {empty}
            </Text>
          ) : (
            // The box that scrolls sideways on a phone takes the keyboard's focus, so it can be
            // scrolled without a mouse when its rows hold nothing focusable (WCAG 2.1.1; axe-core).
            <Table.ScrollContainer minWidth={minWidth} scrollAreaProps={{ viewportProps: { tabIndex: 0 } }}>
              <Table striped verticalSpacing={6} fz="sm" data-testid={testId}>
                <Table.Thead>
                  <Table.Tr>
                    {columns.map((c) => (
                      <Table.Th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
                        {c.hidden ? <span className="sr-only">{c.label}</span> : c.label}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>{children}</Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      ) : null}
    </>
  );
}
