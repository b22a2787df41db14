import type { ReactNode } from 'react';
import { Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { RowAction } from '../components/RowAction';

/**
 * The list of one kind of part of an assessment (members, measures, methods, respondent groups,
 * findings): a heading with the add button, then `intro`, then the list or the sentence that says
 * there is none yet, then `footer`.
 */
export function PartList({
  title,
  add,
  aside,
  intro,
  empty,
  footer,
  children,
}: {
  title: string;
  /** Left out while the assessment cannot be changed. */
  add?: { label: string; testId: string; onClick: () => void };
  /** Beside the add button, e.g. the plan's export links. */
  aside?: ReactNode;
  intro?: ReactNode;
  /** The sentence shown instead of the list; given only while there is nothing to list. */
  empty?: { text: string; testId: string };
  footer?: ReactNode;
  /** The list itself; findings show theirs outside, one section a topic. */
  children?: ReactNode;
}) {
  const addButton = add ? (
    <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={add.onClick} data-testid={add.testId}>
      {add.label}
    </Button>
  ) : null;
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" mb="xs" wrap="wrap" gap={aside ? 'sm' : undefined}>
        <Title order={2} size="h4">
          {title}
        </Title>
        {aside ? (
          <Group gap="sm" wrap="wrap">
            {aside}
            {addButton}
          </Group>
        ) : (
          addButton
        )}
      </Group>
      {intro}
      {empty ? (
        <Text c="gray.7" ta="center" py="md" data-testid={empty.testId}>
          {empty.text}
        </Text>
      ) : (
        children
      )}
      {footer}
    </Paper>
  );
}

/**
 * The table of a `PartList`: the column headings, and while the assessment can be changed a last
 * column (headed for screen readers only) for each row's `PartActions`.
 */
export function PartTable({
  headings,
  minWidth,
  testId,
  editable,
  footer,
  children,
}: {
  headings: ReactNode;
  minWidth: number;
  testId: string;
  editable: boolean;
  /** A `Table.Tfoot`, e.g. totals. */
  footer?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped verticalSpacing={6} fz="sm" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {headings}
            {editable ? (
              <Table.Th scope="col">
                <span className="sr-only">{t('common.actions')}</span>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
        {footer}
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * Edit and delete for one part, nothing while the assessment cannot be changed; the labels name the
 * part for screen readers. The buttons' test ids are `edit-<testId>` and `delete-<testId>`. In a
 * `PartTable` they fill the last cell, pushed to its right end.
 */
export function PartActions({
  editable,
  editLabel,
  deleteLabel,
  onEdit,
  onDelete,
  testId,
  inTable = false,
}: {
  editable: boolean;
  editLabel: string;
  deleteLabel: string;
  onEdit: () => void;
  onDelete: () => void;
  testId: string;
  inTable?: boolean;
}) {
  const { t } = useTranslation();
  if (!editable) return null;
  const actions = (
    <Group gap={4} wrap="nowrap" justify={inTable ? 'flex-end' : undefined}>
      <RowAction tooltip={t('common.edit')} label={editLabel} icon={IconPencil} onClick={onEdit} testId={`edit-${testId}`} />
      <RowAction tooltip={t('common.delete')} label={deleteLabel} icon={IconTrash} onClick={onDelete} testId={`delete-${testId}`} danger />
    </Group>
  );
  return inTable ? <Table.Td>{actions}</Table.Td> : actions;
}
