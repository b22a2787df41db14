import { ActionIcon, Button, Checkbox, Group, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export type ParticipantDraft = { personName: string; organisation: string; role: string; present: boolean; userId: number | null };
export type MeetingDraft = { date: string; time: string; place: string; chair: string; agenda: string; minutes: string; participants: ParticipantDraft[] };

export const emptyMeeting = (date: string): MeetingDraft => ({ date, time: '', place: '', chair: '', agenda: '', minutes: '', participants: [] });

/** A meeting's date, place, chair, agenda, minutes and participants (present or not), as the region records them. */
export function MeetingForm({ initial, onSave, onCancel, saving }: { initial: MeetingDraft; onSave: (draft: MeetingDraft) => void; onCancel: () => void; saving: boolean }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<MeetingDraft>(initial);
  const set = <K extends keyof MeetingDraft>(key: K, value: MeetingDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setPerson = (i: number, change: Partial<ParticipantDraft>) => set('participants', draft.participants.map((p, j) => (j === i ? { ...p, ...change } : p)));

  return (
    <Stack gap="sm" data-testid="meeting-form">
      <Group grow wrap="wrap" align="end">
        <TextInput type="date" required label={t('meetings.date')} value={draft.date} onChange={(e) => set('date', e.currentTarget.value)} style={{ minWidth: 140 }} data-testid="meeting-date" />
        <TextInput type="time" label={t('meetings.time')} value={draft.time} onChange={(e) => set('time', e.currentTarget.value)} style={{ minWidth: 110 }} />
      </Group>
      <TextInput label={t('meetings.place')} value={draft.place} onChange={(e) => set('place', e.currentTarget.value)} maxLength={500} data-testid="meeting-place" />
      <TextInput label={t('meetings.chair')} value={draft.chair} onChange={(e) => set('chair', e.currentTarget.value)} maxLength={200} data-testid="meeting-chair" />
      <Textarea label={t('meetings.agenda')} value={draft.agenda} onChange={(e) => set('agenda', e.currentTarget.value)} autosize minRows={2} maxLength={20000} />
      <Textarea label={t('meetings.minutes')} value={draft.minutes} onChange={(e) => set('minutes', e.currentTarget.value)} autosize minRows={3} maxLength={100000} data-testid="meeting-minutes" />
      <Text fw={600}>{t('meetings.participants')}</Text>
      {draft.participants.map((p, i) => (
        <Paper key={i} withBorder p="xs" data-testid="participant-row">
          <Group grow wrap="wrap" align="end">
            <TextInput required label={t('meetings.personName')} value={p.personName} onChange={(e) => setPerson(i, { personName: e.currentTarget.value })} maxLength={200} style={{ minWidth: 140 }} data-testid="participant-name" />
            <TextInput label={t('meetings.organisation')} value={p.organisation} onChange={(e) => setPerson(i, { organisation: e.currentTarget.value })} maxLength={300} style={{ minWidth: 140 }} />
            <TextInput label={t('meetings.role')} value={p.role} onChange={(e) => setPerson(i, { role: e.currentTarget.value })} maxLength={200} style={{ minWidth: 120 }} />
          </Group>
          <Group justify="space-between" mt="xs">
            <Checkbox label={t('meetings.present')} checked={p.present} onChange={(e) => setPerson(i, { present: e.currentTarget.checked })} data-testid="participant-present" />
            <ActionIcon variant="subtle" color="red.8" aria-label={t('meetings.remove')} onClick={() => set('participants', draft.participants.filter((_, j) => j !== i))}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        </Paper>
      ))}
      <Group wrap="wrap">
        <Button variant="light" onClick={() => set('participants', [...draft.participants, { personName: '', organisation: '', role: '', present: true, userId: null }])} data-testid="participant-add">
          {t('meetings.addParticipant')}
        </Button>
      </Group>
      <Group wrap="wrap">
        <Button onClick={() => onSave(draft)} loading={saving} disabled={!draft.date || draft.participants.some((p) => !p.personName.trim())} data-testid="meeting-save">
          {t('meetings.save')}
        </Button>
        <Button variant="default" onClick={onCancel}>
          {t('meetings.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
