import { Anchor, Badge, Button, FileButton, Group, Paper, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TMeetingView } from '@potreby/server/planning/meetings/schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useFormat } from '../app/format';
import { useNames } from '../app/names';
import { useSession } from '../app/session';
import { ErrorAlert, errorMessage } from '../components/ErrorAlert';
import { ListTable } from '../components/ListTable';
import { emptyMeeting, MeetingForm, type MeetingDraft } from './MeetingForm';
import { meetingKeys, useMeeting, useMeetings } from './meeting-queries';
import { mayOpenRounds } from './round-access';
import { todayIso, type RoundTabProps } from './round-parts';

const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = '.pdf,.docx,.xlsx,.odt,.ods,.png,.jpg,.jpeg';

/** The round's working meetings: the list, and one meeting with its participants, minutes, decisions and files. */
export function MeetingsTab({ round, municipalities }: RoundTabProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { user } = useSession();
  const client = useQueryClient();
  const meetings = useMeetings(round.id);
  const [open, setOpen] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const runs = mayOpenRounds(user) && round.status === 'open';
  const create = useMutation({
    mutationFn: (draft: MeetingDraft) => api.post<TMeetingView>(`/planning/rounds/${round.id}/meetings`, draft),
    onSuccess: async (m) => {
      setCreating(false);
      await client.invalidateQueries({ queryKey: meetingKeys.meetings(round.id) });
      setOpen(m.id);
    },
  });

  if (open !== null) return <MeetingDetail id={open} round={round} municipalities={municipalities} runs={runs} onBack={() => setOpen(null)} onOpen={setOpen} />;
  if (creating) {
    return (
      <Stack>
        <ErrorAlert error={create.error} />
        <MeetingForm initial={emptyMeeting(todayIso())} onSave={(d) => create.mutate(d)} onCancel={() => setCreating(false)} saving={create.isPending} />
      </Stack>
    );
  }
  const items = meetings.data?.items ?? [];
  return (
    <Stack gap="md">
      {runs ? (
        <Group>
          <Button onClick={() => setCreating(true)} data-testid="meeting-new">
            {t('meetings.new')}
          </Button>
        </Group>
      ) : null}
      <ListTable
        query={meetings}
        count={items.length}
        empty={t('meetings.none')}
        minWidth={0}
        testId="meetings-table"
        columns={[
          { key: 'date', label: t('meetings.date') },
          { key: 'place', label: t('meetings.place') },
          { key: 'present', label: t('meetings.participants') },
        ]}
      >
        {items.map((m) => (
          <Table.Tr key={m.id} data-testid="meeting-row">
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Anchor component="button" onClick={() => setOpen(m.id)} data-testid="meeting-open">
                {fmt.date(m.date)} {m.time}
              </Anchor>
            </Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{m.place}</Table.Td>
            <Table.Td>{t('meetings.presentCount', { present: fmt.number(m.present), count: m.participants })}</Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
    </Stack>
  );
}

function MeetingDetail({ id, round, municipalities, runs, onBack, onOpen }: RoundTabProps & { id: number; runs: boolean; onBack: () => void; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = useNames();
  const client = useQueryClient();
  const meeting = useMeeting(id);
  const previous = useMeeting(meeting.data?.followUpOf ?? null);
  const [editing, setEditing] = useState(false);
  const [decision, setDecision] = useState({ text: '', owner: null as string | null, due: '' });
  const [followDate, setFollowDate] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: meetingKeys.meeting(id) });
    await client.invalidateQueries({ queryKey: meetingKeys.meetings(round.id) });
    await client.invalidateQueries({ queryKey: meetingKeys.tasks(round.id) });
  };
  const save = useMutation({ mutationFn: (d: MeetingDraft) => api.put(`/planning/meetings/${id}`, d), onSuccess: async () => (setEditing(false), refresh()) });
  const addDecision = useMutation({
    mutationFn: () => api.post(`/planning/meetings/${id}/decisions`, { text: decision.text, ownerTerritoryId: decision.owner ? Number(decision.owner) : null, dueDate: decision.due || null }),
    onSuccess: async () => (setDecision({ text: '', owner: null, due: '' }), refresh()),
  });
  const makeTask = useMutation({ mutationFn: (decisionId: number) => api.post(`/planning/decisions/${decisionId}/task`), onSuccess: refresh });
  const followUp = useMutation({
    mutationFn: () => api.post<TMeetingView>(`/planning/meetings/${id}/follow-up`, { date: followDate }),
    onSuccess: async (m) => {
      await refresh();
      onOpen(m.id);
    },
  });
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.set('file', file);
      return api.post(`/planning/meetings/${id}/attachments`, form);
    },
    onSuccess: async () => (setNotice(t('meetings.uploaded')), refresh()),
    // The server's own reason (too large, empty, not an allowed kind: attachment.*), translated.
    onError: (error) => setFileError(errorMessage(t, error)),
  });
  const remove = useMutation({ mutationFn: (attachmentId: number) => api.delete(`/planning/attachments/${attachmentId}`), onSuccess: refresh });
  const m = meeting.data;
  if (!m) return <ErrorAlert error={meeting.error} />;
  const ownerName = (ownerId: number | null) => (ownerId === null ? names.territory(round.territory) : names.territory(municipalities.find((u) => u.id === ownerId)));
  const pick = (file: File | null) => {
    setFileError(null);
    setNotice(null);
    if (!file) return;
    // Said at once; the server checks again (size and the file's own bytes).
    if (file.size > MAX_BYTES) return setFileError(t('meetings.tooLarge'));
    upload.mutate(file);
  };
  const units = municipalities.filter((u) => u.id !== round.territory.id).map((u) => ({ value: String(u.id), label: names.territory(u) }));

  return (
    <Stack gap="md" data-testid="meeting-detail">
      <Anchor component="button" onClick={onBack} size="sm" style={{ alignSelf: 'start' }}>
        {t('meetings.back')}
      </Anchor>
      <Title order={3}>
        {fmt.date(m.date)} {m.time}
      </Title>
      {m.followUpOf ? (
        <Anchor component="button" size="sm" onClick={() => onOpen(m.followUpOf!)} style={{ alignSelf: 'start' }}>
          {t('meetings.followUpOf', { date: previous.data ? fmt.date(previous.data.date) : '…' })}
        </Anchor>
      ) : null}
      <ErrorAlert error={save.error ?? addDecision.error ?? makeTask.error ?? followUp.error ?? remove.error} />
      {editing ? (
        <MeetingForm initial={{ date: m.date, time: m.time, place: m.place, chair: m.chair, agenda: m.agenda, minutes: m.minutes, participants: m.participants.map(({ id: _id, ...p }) => p) }} onSave={(d) => save.mutate(d)} onCancel={() => setEditing(false)} saving={save.isPending} />
      ) : (
        <>
          <Text>
            <b>{t('meetings.place')}:</b> {m.place || '—'}
          </Text>
          <Text>
            <b>{t('meetings.chair')}:</b> {m.chair || '—'}
          </Text>
          <Text fw={600}>{t('meetings.agenda')}</Text>
          <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="meeting-agenda">
            {m.agenda || '—'}
          </Text>
          <Text fw={600}>{t('meetings.minutes')}</Text>
          <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="meeting-minutes-text">
            {m.minutes || '—'}
          </Text>
          <Text fw={600}>{t('meetings.participants')}</Text>
          <Stack gap={4}>
            {m.participants.map((p) => (
              <Group key={p.id} gap="xs" wrap="wrap" data-testid="participant">
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {p.personName}
                  {p.organisation ? ` — ${p.organisation}` : ''}
                  {p.role ? ` (${p.role})` : ''}
                </Text>
                <Badge size="sm" variant="light" color={p.present ? 'green.9' : 'gray'}>
                  {t(p.present ? 'meetings.present' : 'meetings.absent')}
                </Badge>
              </Group>
            ))}
          </Stack>
          <Group gap="xs" wrap="wrap">
            {runs ? (
              <Button variant="light" onClick={() => setEditing(true)} data-testid="meeting-edit">
                {t('meetings.edit')}
              </Button>
            ) : null}
            {(['participants', 'minutes'] as const).flatMap((kind) =>
              (['docx', 'pdf'] as const).map((format) => (
                <Button key={kind + format} component="a" variant="default" href={`/api/v1/planning/meetings/${m.id}/documents/${kind}?format=${format}`} download data-testid={`meeting-doc-${kind}-${format}`}>
                  {t(kind === 'participants' ? 'meetings.docParticipants' : 'meetings.docMinutes')} ({format.toUpperCase()})
                </Button>
              )),
            )}
          </Group>
        </>
      )}

      <Title order={4}>{t('meetings.decisions')}</Title>
      <Stack gap="xs">
        {m.decisions.map((d) => (
          <Paper key={d.id} withBorder p="sm" data-testid="decision">
            <Text style={{ overflowWrap: 'anywhere' }}>
              {d.number}. {d.text}
            </Text>
            <Text size="sm">
              {t('meetings.owner')}: {ownerName(d.ownerTerritoryId)} · {t('meetings.dueDate')}: {d.dueDate ? fmt.date(d.dueDate) : t('meetings.noDueDate')}
            </Text>
            {d.taskIds.length ? (
              <Badge size="sm" variant="light" color="green.9" mt={4}>
                {t('meetings.taskMade')}
              </Badge>
            ) : runs ? (
              <Button size="compact-sm" variant="light" mt={4} onClick={() => makeTask.mutate(d.id)} loading={makeTask.isPending} data-testid="decision-task">
                {t('meetings.makeTask')}
              </Button>
            ) : null}
          </Paper>
        ))}
      </Stack>
      {runs ? (
        <Paper withBorder p="sm">
          <Stack gap="xs">
            <Textarea label={t('meetings.decisionText')} value={decision.text} onChange={(e) => setDecision({ ...decision, text: e.currentTarget.value })} autosize maxLength={5000} data-testid="decision-text" />
            <Group grow wrap="wrap" align="end">
              <Select label={t('meetings.owner')} value={decision.owner} onChange={(v) => setDecision({ ...decision, owner: v })} searchable clearable placeholder={names.territory(round.territory)} data={units} style={{ minWidth: 150 }} data-testid="decision-owner" />
              <TextInput type="date" label={t('meetings.dueDate')} value={decision.due} onChange={(e) => setDecision({ ...decision, due: e.currentTarget.value })} style={{ minWidth: 140 }} data-testid="decision-due" />
            </Group>
            <Group>
              <Button onClick={() => addDecision.mutate()} disabled={!decision.text.trim()} loading={addDecision.isPending} data-testid="decision-add">
                {t('meetings.addDecision')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : null}

      <Title order={4}>{t('meetings.attachments')}</Title>
      <Stack gap={4}>
        {m.attachments.map((a) => (
          <Group key={a.id} gap="xs" wrap="wrap" data-testid="attachment">
            <Anchor href={`/api/v1/planning/attachments/${a.id}`} download style={{ overflowWrap: 'anywhere' }}>
              {a.fileName}
            </Anchor>
            <Text size="xs">{fmt.number(Math.max(1, Math.round(a.size / 1024)))} KB</Text>
            {runs ? (
              <Button size="compact-xs" variant="default" onClick={() => remove.mutate(a.id)}>
                {t('meetings.delete')}
              </Button>
            ) : null}
          </Group>
        ))}
      </Stack>
      {fileError ? (
        <Text c="red.8" role="alert" data-testid="attachment-error">
          {fileError}
        </Text>
      ) : null}
      {notice ? (
        <Text role="status">
          {notice}
        </Text>
      ) : null}
      {runs ? (
        <Group>
          <FileButton onChange={pick} accept={ACCEPT}>
            {(props) => (
              <Button variant="light" loading={upload.isPending} {...props} data-testid="attachment-upload">
                {t('meetings.upload')}
              </Button>
            )}
          </FileButton>
        </Group>
      ) : null}

      {runs ? (
        <Paper withBorder p="sm">
          <Group wrap="wrap" align="end">
            <TextInput type="date" label={t('meetings.date')} value={followDate} onChange={(e) => setFollowDate(e.currentTarget.value)} style={{ minWidth: 140 }} data-testid="followup-date" />
            <Button onClick={() => followUp.mutate()} disabled={!followDate} loading={followUp.isPending} data-testid="followup-schedule">
              {t('meetings.scheduleFollowUp')}
            </Button>
          </Group>
        </Paper>
      ) : null}
    </Stack>
  );
}
