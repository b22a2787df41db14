import { ActionIcon, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TWorkshopInput, TWorkshopView } from '@potreby/server/fiches/schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useFormat } from '../app/format';
import { ErrorAlert } from '../components/ErrorAlert';
import { todayIso } from '../planning/round-parts';
import { ficheKeys, useWorkshops } from './fiche-queries';

type Draft = { date: string; place: string; topic: string; participants: { name: string; organisation: string; role: string }[]; entries: { id?: number; kind: 'problem' | 'idea'; text: string }[] };
const empty = (): Draft => ({ date: todayIso(), place: '', topic: '', participants: [], entries: [] });

/** The working group's meetings: who took part, and the key problems and ideas raised (story 3). */
export function WorkshopsPanel({ municipalityId, writes }: { municipalityId: number; writes: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const client = useQueryClient();
  const workshops = useWorkshops(municipalityId);
  const [editing, setEditing] = useState<{ id: number | null; draft: Draft } | null>(null);
  const save = useMutation({
    mutationFn: ({ id, draft }: { id: number | null; draft: TWorkshopInput }) => (id === null ? api.post(`/municipalities/${municipalityId}/workshops`, draft) : api.put(`/municipalities/${municipalityId}/workshops/${id}`, draft)),
    onSuccess: async () => {
      setEditing(null);
      await client.invalidateQueries({ queryKey: ficheKeys.all(municipalityId) });
    },
  });

  if (editing) {
    const d = editing.draft;
    const set = (patch: Partial<Draft>) => setEditing({ ...editing, draft: { ...d, ...patch } });
    const ready = d.topic.trim() !== '' && /^\d{4}-\d{2}-\d{2}$/.test(d.date) && d.participants.every((p) => p.name.trim()) && d.entries.every((e) => e.text.trim());
    return (
      <Paper withBorder p="md" component="form" onSubmit={(e) => (e.preventDefault(), ready && save.mutate(editing))} data-testid="workshop-form">
        <Stack gap="sm">
          <ErrorAlert error={save.error} />
          <Group grow align="flex-start">
            <TextInput type="date" label={t('fiches.ui.date')} value={d.date} onChange={(e) => set({ date: e.currentTarget.value })} required data-testid="workshop-date" />
            <TextInput label={t('fiches.ui.place')} value={d.place} onChange={(e) => set({ place: e.currentTarget.value })} maxLength={300} data-testid="workshop-place" />
          </Group>
          <TextInput label={t('fiches.ui.topic')} value={d.topic} onChange={(e) => set({ topic: e.currentTarget.value })} required maxLength={300} data-testid="workshop-topic" />
          <Title order={4}>{t('fiches.ui.participants')}</Title>
          {d.participants.map((p, i) => (
            <Group key={i} align="flex-end" wrap="wrap" data-testid="workshop-participant">
              <TextInput style={{ flex: '1 1 10rem' }} label={t('fiches.personName')} value={p.name} required maxLength={200} onChange={(e) => set({ participants: d.participants.map((x, j) => (j === i ? { ...x, name: e.currentTarget.value } : x)) })} />
              <TextInput style={{ flex: '1 1 10rem' }} label={t('fiches.organisation')} value={p.organisation} maxLength={300} onChange={(e) => set({ participants: d.participants.map((x, j) => (j === i ? { ...x, organisation: e.currentTarget.value } : x)) })} />
              <TextInput style={{ flex: '1 1 8rem' }} label={t('fiches.role')} value={p.role} maxLength={200} onChange={(e) => set({ participants: d.participants.map((x, j) => (j === i ? { ...x, role: e.currentTarget.value } : x)) })} />
              <ActionIcon variant="subtle" color="red" aria-label={t('fiches.ui.removeParticipant', { n: i + 1 })} onClick={() => set({ participants: d.participants.filter((_, j) => j !== i) })}>
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button variant="light" onClick={() => set({ participants: [...d.participants, { name: '', organisation: '', role: '' }] })} data-testid="workshop-add-participant">
              {t('fiches.ui.addParticipant')}
            </Button>
          </Group>
          <Title order={4}>{t('fiches.ui.entries')}</Title>
          {d.entries.map((e, i) => (
            <Group key={i} align="flex-end" wrap="wrap" data-testid="workshop-entry">
              <Select style={{ flex: '0 0 10rem' }} label={t('fiches.ui.entryKind')} data={(['problem', 'idea'] as const).map((k) => ({ value: k, label: t(`fiches.ui.kinds.${k}`) }))} value={e.kind} allowDeselect={false} onChange={(v) => v && set({ entries: d.entries.map((x, j) => (j === i ? { ...x, kind: v as 'problem' | 'idea' } : x)) })} />
              <TextInput style={{ flex: '1 1 14rem' }} label={t('fiches.ui.entryText')} value={e.text} required maxLength={2000} onChange={(ev) => set({ entries: d.entries.map((x, j) => (j === i ? { ...x, text: ev.currentTarget.value } : x)) })} />
              <ActionIcon variant="subtle" color="red" aria-label={t('fiches.ui.removeEntry', { n: i + 1 })} onClick={() => set({ entries: d.entries.filter((_, j) => j !== i) })}>
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button variant="light" onClick={() => set({ entries: [...d.entries, { kind: 'problem', text: '' }] })} data-testid="workshop-add-entry">
              {t('fiches.ui.addEntry')}
            </Button>
          </Group>
          <Group>
            <Button type="submit" disabled={!ready} loading={save.isPending} data-testid="workshop-save">
              {t('common.save')}
            </Button>
            <Button variant="default" onClick={() => setEditing(null)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    );
  }

  const items = workshops.data?.items ?? [];
  return (
    <Stack gap="md">
      {writes ? (
        <Group>
          <Button onClick={() => setEditing({ id: null, draft: empty() })} data-testid="workshop-new">
            {t('fiches.ui.newWorkshop')}
          </Button>
        </Group>
      ) : null}
      <ErrorAlert error={workshops.error} />
      {workshops.isSuccess && items.length === 0 ? <Text c="dimmed">{t('fiches.ui.noWorkshops')}</Text> : null}
      {items.map((w: TWorkshopView) => (
        <Paper key={w.id} withBorder p="md" data-testid="workshop">
          <Group justify="space-between" align="flex-start">
            <div style={{ minWidth: 0 }}>
              <Title order={4} style={{ overflowWrap: 'anywhere' }}>
                {w.topic}
              </Title>
              <Text size="sm" c="dimmed">
                {fmt.date(w.date)}
                {w.place ? ` · ${w.place}` : ''} · {t('fiches.ui.participantCount', { count: w.participants.length })}
              </Text>
            </div>
            {writes ? (
              <Button size="xs" variant="light" onClick={() => setEditing({ id: w.id, draft: { date: w.date, place: w.place, topic: w.topic, participants: w.participants, entries: w.entries } })} data-testid="workshop-edit">
                {t('common.edit')}
              </Button>
            ) : null}
          </Group>
          {(['problem', 'idea'] as const).map((kind) =>
            w.entries.some((e) => e.kind === kind) ? (
              <div key={kind}>
                <Text fw={600} size="sm" mt="sm">
                  {t(`fiches.ui.kindsPlural.${kind}`)}
                </Text>
                <ul style={{ margin: '0.25rem 0', paddingInlineStart: '1.25rem' }}>
                  {w.entries
                    .filter((e) => e.kind === kind)
                    .map((e) => (
                      <li key={e.id} style={{ overflowWrap: 'anywhere' }}>
                        {e.text}
                      </li>
                    ))}
                </ul>
              </div>
            ) : null,
          )}
          {w.participants.length > 0 ? (
            <Text size="sm" mt="xs" style={{ overflowWrap: 'anywhere' }}>
              {t('fiches.ui.participants')}: {w.participants.map((p) => [p.name, p.organisation].filter(Boolean).join(', ')).join('; ')}
            </Text>
          ) : null}
        </Paper>
      ))}
    </Stack>
  );
}
