import { useEffect, useMemo, useState } from 'react';
import { Badge, Button, Checkbox, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TScenarioEvaluation, TScenarioView } from '@potreby/server/planning/scenarios/schema';
import { api } from '../api/client';
import { useFormat } from '../app/format';
import { useNames } from '../app/names';
import { useSession } from '../app/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { ListTable } from '../components/ListTable';
import { WARNING_COLOUR } from '../questionnaires/colours';
import { mayOpenRounds } from './round-access';
import type { RoundTabProps, RoundUnit } from './round-parts';
import { useRoundCurrency } from './currency';
import { useItems } from './round-queries';
import { ScenarioCompare } from './ScenarioCompare';
import { ageBandOf, draftsOf, itemChanges, type ItemDraft } from './scenario-parts';

export const scenarioKeys = {
  list: (roundId: number) => ['planning-round', roundId, 'scenarios'] as const,
  evaluation: (id: number) => ['planning-scenario', id, 'evaluation'] as const,
};

/**
 * Scenarios of a round (issue 8, item 9): the round's proposals with changes of capacity, cost
 * and population, recomputed on the server as soon as they are saved (every municipality's items,
 * envelopes and ceilings take part, which not every reader may see; the server answers in a few
 * milliseconds). The region's officers make and change scenarios; every reader of the round sees
 * them and compares two side by side.
 */
export function ScenariosTab({ round, municipalities }: RoundTabProps) {
  const { t } = useTranslation();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const canEdit = mayOpenRounds(user);
  const list = useQuery({ queryKey: scenarioKeys.list(round.id), queryFn: () => api.get<{ items: TScenarioView[] }>(`/planning/rounds/${round.id}/scenarios`) });
  const [selected, setSelected] = useState<number | null>(null);
  const [name, setName] = useState('');
  const scenarios = list.data?.items ?? [];
  const current = scenarios.find((s) => s.id === selected) ?? scenarios[0] ?? null;

  const create = useMutation({
    mutationFn: () => api.post<TScenarioView>(`/planning/rounds/${round.id}/scenarios`, { name: name.trim() }),
    onSuccess: async (made) => {
      setName('');
      setSelected(made.id);
      await queryClient.invalidateQueries({ queryKey: scenarioKeys.list(round.id) });
    },
  });

  return (
    <Stack gap="md">
      <Text size="sm" c="gray.7" maw={820}>
        {t('scenarios.intro')}
      </Text>
      <ErrorAlert error={list.error} />
      {canEdit ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) create.mutate();
          }}
        >
          <Group align="flex-end" gap="xs" wrap="wrap">
            <TextInput label={t('scenarios.newName')} value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={200} required data-testid="scenario-name" style={{ flex: '1 1 200px' }} />
            <Button type="submit" loading={create.isPending} disabled={!name.trim()} data-testid="scenario-create">
              {t('scenarios.create')}
            </Button>
          </Group>
          <ErrorAlert error={create.error} />
        </form>
      ) : null}
      {list.data && scenarios.length === 0 ? (
        <Text c="gray.7" data-testid="scenarios-empty">
          {t('scenarios.empty')}
        </Text>
      ) : null}
      {current ? (
        <>
          <Select
            label={t('scenarios.scenario')}
            value={String(current.id)}
            allowDeselect={false}
            data={scenarios.map((s) => ({ value: String(s.id), label: s.name }))}
            onChange={(v) => v && setSelected(Number(v))}
            data-testid="scenario-select"
            maw={420}
          />
          <ScenarioEditor key={current.id} scenario={current} round={round} municipalities={municipalities} canEdit={canEdit} />
        </>
      ) : null}
      {scenarios.length > 0 ? <ScenarioCompare round={round} municipalities={municipalities} scenarios={scenarios} /> : null}
    </Stack>
  );
}

type EditorProps = RoundTabProps & { scenario: TScenarioView; canEdit: boolean };

function ScenarioEditor({ scenario, round, municipalities, canEdit }: EditorProps) {
  const { t, i18n } = useTranslation();
  const names = useNames();
  const fmt = useFormat();
  const currency = useRoundCurrency(round);
  const queryClient = useQueryClient();
  const items = useItems(round.id);
  const evaluation = useQuery({
    queryKey: [...scenarioKeys.evaluation(scenario.id), i18n.language],
    queryFn: () => api.get<TScenarioEvaluation>(`/planning/scenarios/${scenario.id}/evaluation`, { lang: i18n.language }),
  });
  const roundItems = useMemo(() => items.data?.items ?? [], [items.data]);
  const [drafts, setDrafts] = useState<Map<number, ItemDraft>>(new Map());
  const [population, setPopulation] = useState<Map<string, number | ''>>(new Map());
  useEffect(() => setDrafts(draftsOf(roundItems, scenario.items)), [roundItems, scenario.items]);
  useEffect(() => setPopulation(new Map(scenario.population.filter((p) => p.municipalityId === null && p.target !== null).map((p) => [p.target!, p.percentPerYear]))), [scenario.population]);
  const bands = (evaluation.data?.targets ?? []).filter((k) => ageBandOf(k) !== null);
  const municipality = (id: number) => names.territory(municipalities.find((m: RoundUnit) => m.id === id));
  const bandName = (key: string) => {
    const b = ageBandOf(key)!;
    return b.to === null ? t('scenarios.ageFrom', { from: b.from }) : t('scenarios.ageBand', { from: b.from, to: b.to });
  };

  const save = useMutation({
    mutationFn: () =>
      api.put<TScenarioView>(`/planning/scenarios/${scenario.id}`, {
        name: scenario.name,
        items: itemChanges(roundItems, drafts),
        // Changes for the whole round per age band; those for one municipality (made through the API) are kept.
        population: [
          ...scenario.population.filter((p) => p.municipalityId !== null || p.target === null),
          ...[...population].filter(([, v]) => v !== '' && v !== 0).map(([target, v]) => ({ municipalityId: null, target, percentPerYear: Number(v) })),
        ],
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: scenarioKeys.list(round.id) });
      await queryClient.invalidateQueries({ queryKey: scenarioKeys.evaluation(scenario.id) });
      await queryClient.invalidateQueries({ queryKey: ['planning-scenario-compare', round.id] });
    },
  });
  const remove = useMutation({
    mutationFn: () => api.delete(`/planning/scenarios/${scenario.id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scenarioKeys.list(round.id) }),
  });
  const setDraft = (id: number, patch: Partial<ItemDraft>) => setDrafts((d) => new Map(d).set(id, { ...d.get(id)!, ...patch }));
  const ev = evaluation.data;
  const problems = (ev?.checks ?? []).filter((c) => c.severity === 'problem');

  return (
    <Stack gap="md" data-testid="scenario-editor">
      <Paper withBorder p="sm" component="section" aria-labelledby="scenario-items-title">
        <Title order={2} size="h4" id="scenario-items-title" mb="xs">
          {t('scenarios.items')}
        </Title>
        <ListTable
          query={items}
          count={roundItems.length}
          empty={t('scenarios.noItems')}
          minWidth={0}
          testId="scenario-items"
          columns={[
            { key: 'item', label: t('scenarios.item') },
            { key: 'capacity', label: t('scenarios.capacityChange') },
            { key: 'cost', label: t('scenarios.annualCost', { currency }) },
            { key: 'out', label: t('scenarios.leaveOut') },
          ]}
        >
          {roundItems.map((item) => {
            const d = drafts.get(item.id);
            if (!d) return null;
            const label = `${municipality(item.municipalityId)} · ${names.serviceType(item.serviceType)}`;
            return (
              <Table.Tr key={item.id} data-testid="scenario-item">
                <Table.Td>
                  <Text size="sm">{label}</Text>
                  <Text size="xs" c="gray.7">
                    {t('scenarios.inRound', { capacity: fmt.number(item.capacityChange), unit: t(`capacityUnits.${item.unit}`) })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`${t('scenarios.capacityChange')} (${t(`capacityUnits.${item.unit}`)}): ${label}`}
                    value={d.capacityChange}
                    min={-1_000_000}
                    max={1_000_000}
                    allowDecimal={false}
                    disabled={!canEdit}
                    onChange={(v) => typeof v === 'number' && setDraft(item.id, { capacityChange: v })}
                    rightSection={<Text size="xs">{t(`capacityUnits.${item.unit}`)}</Text>}
                    rightSectionWidth={90}
                    miw={150}
                    data-testid="scenario-capacity"
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`${t('scenarios.annualCost', { currency })}: ${label}`}
                    value={d.annualCost ?? ''}
                    min={0}
                    max={1e12}
                    thousandSeparator=" "
                    disabled={!canEdit}
                    placeholder={t('scenarios.noCost')}
                    onChange={(v) => setDraft(item.id, { annualCost: typeof v === 'number' ? v : null })}
                    miw={120}
                    data-testid="scenario-cost"
                  />
                </Table.Td>
                <Table.Td>
                  <Checkbox aria-label={`${t('scenarios.leaveOut')}: ${label}`} checked={d.removed} disabled={!canEdit} onChange={(e) => setDraft(item.id, { removed: e.currentTarget.checked })} data-testid="scenario-remove" />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </ListTable>
      </Paper>
      <Paper withBorder p="sm" component="section" aria-labelledby="scenario-population-title">
        <Title order={2} size="h4" id="scenario-population-title" mb="xs">
          {t('scenarios.population')}
        </Title>
        <Text size="sm" mb="xs" maw={820}>
          {ev ? t('scenarios.populationIntro', { from: ev.year, to: ev.checkedYear }) : null}
        </Text>
        {ev && bands.length === 0 ? <Text size="sm">{t('scenarios.noBands')}</Text> : null}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {bands.map((key) => (
            <NumberInput
              key={key}
              label={t('scenarios.percentPerYear', { band: bandName(key) })}
              value={population.get(key) ?? ''}
              min={-50}
              max={50}
              decimalScale={2}
              suffix=" %"
              disabled={!canEdit}
              onChange={(v) => setPopulation((p) => new Map(p).set(key, typeof v === 'number' ? v : ''))}
              data-testid={`scenario-population-${ageBandOf(key)!.from}`}
            />
          ))}
        </SimpleGrid>
      </Paper>
      {canEdit ? (
        <Group gap="xs">
          <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="scenario-save">
            {t('scenarios.save')}
          </Button>
          <Button variant="outline" color="red.8" onClick={() => remove.mutate()} loading={remove.isPending} data-testid="scenario-delete">
            {t('scenarios.delete', { name: scenario.name })}
          </Button>
        </Group>
      ) : null}
      <ErrorAlert error={save.error ?? remove.error} />
      <Paper withBorder p="sm" component="section" aria-labelledby="scenario-result-title" aria-live="polite" data-testid="scenario-result">
        <Title order={2} size="h4" id="scenario-result-title" mb="xs">
          {t('scenarios.result')}
        </Title>
        <ErrorAlert error={evaluation.error} />
        {ev ? (
          <Stack gap="xs">
            <Group gap="xs">
              <Badge variant="filled" color={problems.length ? 'red.9' : 'teal.9'} data-testid="scenario-problems">
                {t('scenarios.problems', { count: problems.length })}
              </Badge>
            </Group>
            {ev.checks.map((c, i) => (
              <Text key={i} size="sm" c={c.severity === 'problem' ? WARNING_COLOUR : undefined} data-testid="scenario-check" data-check={c.check}>
                {t(`planHealth.kinds.${c.check}`)}: {c.message}
              </Text>
            ))}
            <Title order={3} size="h5" mt="sm">
              {t('scenarios.budget')}
            </Title>
            {ev.budget.years.length === 0 ? (
              <Text size="sm">{t('scenarios.noBudget')}</Text>
            ) : (
              <Table withTableBorder data-testid="scenario-budget">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('scenarios.year')}</Table.Th>
                    <Table.Th className="num">{t('scenarios.annualCost', { currency })}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {ev.budget.years.map((y) => (
                    <Table.Tr key={y.year}>
                      <Table.Td>{y.year}</Table.Td>
                      <Table.Td className="num">{y.cost === null ? t('budget.noCost') : fmt.number(y.cost)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        ) : null}
      </Paper>
    </Stack>
  );
}
