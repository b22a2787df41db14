import { Badge, Group, Paper, SimpleGrid, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format';
import { useOwnerName } from './owner-name';
import { ListTable } from '../components/ListTable';
import { stageState, todayIso, type RoundTabProps, type StageState } from './round-parts';
import { useStages } from './round-queries';
import { DANGER_COLOUR, SUCCESS_COLOUR, WARNING_COLOUR } from '../questionnaires/colours';
import { CalendarSubscribe } from './CalendarSubscribe';

const STATE_COLOR: Record<StageState, string> = { done: SUCCESS_COLOUR, overdue: DANGER_COLOUR, thisWeek: WARNING_COLOUR, later: 'gray', undated: 'gray' };

/** The round's stages with their owners and computed due dates: what is late and what is due this week. */
export function StagesTab({ round, municipalities }: RoundTabProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const stages = useStages(round.id);
  const items = stages.data?.items ?? [];
  const today = todayIso();
  const states = items.map((s) => stageState(s, today));
  const count = (state: StageState) => states.filter((s) => s === state).length;
  const ownerName = useOwnerName({ round, municipalities });

  return (
    <>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm" mb="md">
        {(['overdue', 'thisWeek', 'done'] as const).map((state) => (
          <Paper key={state} withBorder p="sm" data-testid={`stages-${state}`}>
            <Text size="xs" c="gray.7" tt="uppercase" fw={600}>
              {t(`rounds.stageStates.${state}`)}
            </Text>
            <Text size="xl" fw={700} c={count(state) > 0 && state === 'overdue' ? 'red.8' : undefined}>
              {fmt.number(count(state))}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Group justify="flex-end" mb="sm">
        <CalendarSubscribe roundId={round.id} />
      </Group>
      <ListTable
        query={stages}
        count={items.length}
        empty={t('rounds.noStages')}
        minWidth={640}
        testId="stages-table"
        columns={[
          { key: 'stage', label: t('rounds.stage') },
          { key: 'owner', label: t('rounds.owner') },
          { key: 'due', label: t('rounds.due') },
          { key: 'state', label: t('rounds.stageState') },
        ]}
      >
        {items.map((s, i) => (
          <Table.Tr key={s.id} data-testid="stage-row" data-state={states[i]}>
            <Table.Td>
              <Text size="sm" fw={600}>
                {t(`planningTemplates.stages.${s.key}.name`, { defaultValue: s.key })}
              </Text>
            </Table.Td>
            <Table.Td>{ownerName(s.ownerTerritoryId)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{s.dueDate ? fmt.date(s.dueDate) : '—'}</Table.Td>
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                <Badge size="sm" variant="light" color={STATE_COLOR[states[i]!]}>
                  {t(`rounds.stageStates.${states[i]}`)}
                </Badge>
                {s.doneDate ? <Text size="xs">{fmt.date(s.doneDate)}</Text> : null}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
    </>
  );
}
