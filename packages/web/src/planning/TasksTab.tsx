import { Badge, Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Select } from '@mantine/core';
import { workState, type WorkState } from '@potreby/domain/planning/tasks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useFormat } from '../app/format';
import { useNames } from '../app/names';
import { useOwnerName } from './owner-name';
import { useSession } from '../app/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { ListTable } from '../components/ListTable';
import { DANGER_COLOUR, SUCCESS_COLOUR, WARNING_COLOUR } from '../questionnaires/colours';
import { meetingKeys, useTasks } from './meeting-queries';
import { mayOpenRounds } from './round-access';
import { todayIso, type RoundTabProps } from './round-parts';
import { useStages } from './round-queries';

const STATE_COLOR: Record<WorkState, string> = { done: SUCCESS_COLOUR, overdue: DANGER_COLOUR, thisWeek: WARNING_COLOUR, later: 'gray', undated: 'gray' };
type Filter = 'all' | 'overdue' | 'thisWeek' | 'mine';

/**
 * The round's work per municipality: its stages and the tasks of meetings (a stage is a task on
 * this dashboard, read from the stages, not copied), what is overdue and due this week, and the
 * tasks to mark done.
 */
export function TasksTab({ round, municipalities }: RoundTabProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = useNames();
  const { user } = useSession();
  const client = useQueryClient();
  const tasks = useTasks(round.id);
  const stages = useStages(round.id);
  const [filter, setFilter] = useState<Filter>('all');
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const [owner, setOwner] = useState<string | null>(null);
  const today = todayIso();
  const runs = mayOpenRounds(user) && round.status === 'open';
  // A task without an owner is the round's own (the region's officers run it).
  const ownerOf = useOwnerName({ round, municipalities });
  const ownerName = (id: number | null) => ownerOf(id ?? round.territory.id);
  const mayMark = (ownerId: number | null) => round.status === 'open' && (mayOpenRounds(user) || (user?.role === 'municipal_officer' && ownerId !== null && ownerId === user.territory?.id));

  const refresh = () => client.invalidateQueries({ queryKey: meetingKeys.tasks(round.id) });
  const mark = useMutation({ mutationFn: ({ id, done }: { id: number; done: boolean }) => api.put(`/planning/tasks/${id}/done`, { doneDate: done ? today : null }), onSuccess: refresh });
  const add = useMutation({
    mutationFn: () => api.post(`/planning/rounds/${round.id}/tasks`, { title, dueDate: due || null, ownerTerritoryId: owner ? Number(owner) : null, stageId: null }),
    onSuccess: async () => {
      setTitle('');
      setDue('');
      await refresh();
    },
  });

  const items = tasks.data?.items ?? [];
  const work = [
    ...(stages.data?.items ?? []),
    ...items,
  ];
  // Per planning unit: how many of its stages and tasks are overdue and due this week.
  const units = [round.territory, ...municipalities.filter((m) => m.id !== round.territory.id)];
  const perUnit = units.map((u) => {
    const own = work.filter((w) => (w.ownerTerritoryId ?? round.territory.id) === u.id).map((w) => workState(w, today));
    return { unit: u, overdue: own.filter((s) => s === 'overdue').length, thisWeek: own.filter((s) => s === 'thisWeek').length };
  });
  const shown = items.filter((task) => {
    if (filter === 'mine') return user?.role !== 'municipal_officer' || task.ownerTerritoryId === user.territory?.id;
    return filter === 'all' || workState(task, today) === filter;
  });

  return (
    <Stack gap="md">
      <ListTable
        query={stages}
        count={perUnit.length}
        empty={t('tasks.none')}
        minWidth={0}
        testId="tasks-per-unit"
        columns={[
          { key: 'unit', label: t('tasks.perMunicipality') },
          { key: 'overdue', label: t('tasks.overdue'), numeric: true },
          { key: 'thisWeek', label: t('tasks.thisWeek'), numeric: true },
        ]}
      >
        {perUnit.map((r) => (
          <Table.Tr key={r.unit.id} data-testid="tasks-unit-row">
            <Table.Td>{ownerName(r.unit.id)}</Table.Td>
            <Table.Td style={{ textAlign: 'right' }}>
              <Text size="sm" fw={r.overdue ? 700 : undefined} c={r.overdue ? 'red.8' : undefined}>
                {fmt.number(r.overdue)}
              </Text>
            </Table.Td>
            <Table.Td style={{ textAlign: 'right' }}>{fmt.number(r.thisWeek)}</Table.Td>
          </Table.Tr>
        ))}
      </ListTable>

      <SegmentedControl
        value={filter}
        onChange={(v) => setFilter(v as Filter)}
        data={(['all', 'overdue', 'thisWeek', 'mine'] as const).map((f) => ({ value: f, label: t(`tasks.${f}`) }))}
        fullWidth
        style={{ flexWrap: 'wrap' }}
        data-testid="tasks-filter"
      />
      <ErrorAlert error={mark.error ?? add.error} />
      {tasks.isSuccess && shown.length === 0 ? <Text c="gray.7">{t('tasks.none')}</Text> : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {shown.map((task) => {
          const state = workState(task, today);
          return (
            <Paper key={task.id} withBorder p="sm" data-testid="task-card" data-state={state}>
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {task.title}
              </Text>
              <Text size="sm">
                {t('tasks.owner')}: {ownerName(task.ownerTerritoryId)}
              </Text>
              <Text size="sm">
                {t('tasks.due')}: {task.dueDate ? fmt.date(task.dueDate) : t('meetings.noDueDate')}
              </Text>
              <Group gap="xs" mt="xs" wrap="wrap">
                <Badge size="sm" variant="light" color={STATE_COLOR[state]}>
                  {t(`rounds.stageStates.${state}`)}
                </Badge>
                {task.doneDate ? <Text size="xs">{t('tasks.doneOn', { date: fmt.date(task.doneDate) })}</Text> : null}
                {mayMark(task.ownerTerritoryId) ? (
                  <Button size="compact-sm" variant="light" loading={mark.isPending} onClick={() => mark.mutate({ id: task.id, done: task.status !== 'done' })} data-testid="task-toggle">
                    {task.status === 'done' ? t('tasks.reopen') : t('tasks.markDone')}
                  </Button>
                ) : null}
              </Group>
            </Paper>
          );
        })}
      </SimpleGrid>

      {runs ? (
        <Paper withBorder p="sm">
          <Stack gap="xs">
            <TextInput label={t('tasks.titleLabel')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={500} data-testid="task-title" />
            <Group grow wrap="wrap" align="end">
              <TextInput type="date" label={t('tasks.due')} value={due} onChange={(e) => setDue(e.currentTarget.value)} style={{ minWidth: 150 }} />
              <Select
                label={t('tasks.owner')}
                value={owner}
                onChange={setOwner}
                searchable
                clearable
                placeholder={ownerName(round.territory.id)}
                data={municipalities.filter((m) => m.id !== round.territory.id).map((m) => ({ value: String(m.id), label: names.territory(m) }))}
                style={{ minWidth: 150 }}
              />
            </Group>
            <Group>
              <Button onClick={() => add.mutate()} disabled={!title.trim()} loading={add.isPending} data-testid="task-add">
                {t('tasks.add')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
