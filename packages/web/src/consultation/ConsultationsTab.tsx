import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TConsultationInput, TConsultationKind, TCommentTarget } from '@potreby/domain';
import type { TCommentView, TConsultationView, TPublicConsultation } from '@potreby/server/consultation/schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../api/client';
import { useFormat } from '../app/format';
import { useNames } from '../app/names';
import { useSession } from '../app/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { ListTable } from '../components/ListTable';
import { useItems } from '../planning/round-queries';
import { mayOpenRounds, mayPropose } from '../planning/round-access';
import { todayIso, type RoundTabProps } from '../planning/round-parts';
import { DANGER_COLOUR, SUCCESS_COLOUR, WARNING_COLOUR } from '../questionnaires/colours';
import { ConsultationForm, emptyConsultation } from './ConsultationForm';
import { consultationKeys, useComments, useConsultations } from './consultation-queries';

// CSS colours, not Mantine shades: a light badge of a shade paints its text in its own background.
const PHASE_COLOUR = { scheduled: '#495057', open: SUCCESS_COLOUR, closed: DANGER_COLOUR } as const;

/**
 * A round's public consultations (issue 9, item 1): publish a document for a period, then read,
 * moderate and answer what residents wrote, and download the report. A municipality's officer
 * runs its own proposal's; the region's officers the draft agreement's.
 */
export function ConsultationsTab({ round, municipalities }: RoundTabProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = useNames();
  const { user } = useSession();
  const client = useQueryClient();
  const list = useConsultations(round.id);
  // The consultation open is in the address (?consultation=ID): a reload or a shared link finds it again.
  const [params, setParams] = useSearchParams();
  const open = Number(params.get('consultation')) || null;
  const setOpen = (id: number | null) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (id === null) next.delete('consultation');
      else next.set('consultation', String(id));
      return next;
    });
  const [creating, setCreating] = useState(false);
  const regional = mayOpenRounds(user);
  // A Polish gmina's round is its own (its territory is the gmina): its officers publish the
  // round's programme and report, as a region's officers publish the round's draft agreement.
  const ownRound = !regional && user?.territory?.id === round.territory.id;
  const ownMunicipality = regional || ownRound ? null : (municipalities.find((m) => m.id === user?.territory?.id)?.id ?? null);
  const kinds: TConsultationKind[] = regional ? ['draft_agreement', 'planning_proposal', 'programme', 'report'] : ownRound ? ['programme', 'report'] : ['planning_proposal'];
  const create = useMutation({
    mutationFn: (draft: TConsultationInput) => api.post<TConsultationView>(`/planning/rounds/${round.id}/consultations`, draft),
    onSuccess: async (c) => {
      setCreating(false);
      await client.invalidateQueries({ queryKey: consultationKeys.list(round.id) });
      setOpen(c.id);
    },
  });
  const items = list.data?.items ?? [];
  const shown = items.find((c) => c.id === open);

  if (shown) return <ConsultationDetail consultation={shown} round={round} municipalities={municipalities} onBack={() => setOpen(null)} />;
  if (creating) {
    return (
      <Stack>
        <ErrorAlert error={create.error} />
        <ConsultationForm
          initial={emptyConsultation(todayIso(), kinds[0]!, ownMunicipality)}
          kinds={kinds}
          municipalities={municipalities.filter((m) => m.id !== round.territory.id && (regional || m.id === ownMunicipality))}
          fixedMunicipality={!regional}
          locked={false}
          saving={create.isPending}
          onSave={(d) => create.mutate(d)}
          onCancel={() => setCreating(false)}
        />
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('consultation.ui.explain')}
      </Text>
      {mayPropose(user) && round.status === 'open' && (regional || ownRound || ownMunicipality !== null) ? (
        <Group>
          <Button onClick={() => setCreating(true)} data-testid="consultation-new">
            {t('consultation.ui.new')}
          </Button>
        </Group>
      ) : null}
      <ListTable
        query={list}
        count={items.length}
        empty={t('consultation.ui.none')}
        minWidth={0}
        testId="consultations-table"
        columns={[
          { key: 'title', label: t('consultation.ui.title') },
          { key: 'period', label: t('consultation.ui.period') },
          { key: 'comments', label: t('consultation.ui.comments') },
        ]}
      >
        {items.map((c) => (
          <Table.Tr key={c.id} data-testid="consultation-row">
            <Table.Td style={{ overflowWrap: 'anywhere' }}>
              <Anchor component="button" onClick={() => setOpen(c.id)} data-testid="consultation-open" ta="start">
                {c.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {t(`consultation.kind.${c.kind}`)} · {names.territory(c.territory)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                {fmt.date(c.opensOn)} – {fmt.date(c.closesOn)}
              </Text>
              <Badge size="sm" variant="light" color={PHASE_COLOUR[c.phase]}>
                {t(`consultation.phase.${c.phase}`)}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{t('consultation.ui.received', { count: c.counts.received })}</Text>
              {c.counts.pending > 0 ? <Text size="xs">{t('consultation.ui.pendingCount', { count: c.counts.pending })}</Text> : null}
              {c.counts.unanswered > 0 ? <Text size="xs">{t('consultation.ui.unansweredCount', { count: c.counts.unanswered })}</Text> : null}
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
    </Stack>
  );
}

function ConsultationDetail({ consultation: c, round, municipalities, onBack }: RoundTabProps & { consultation: TConsultationView; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const names = useNames();
  const client = useQueryClient();
  const comments = useComments(c.id);
  const roundItems = useItems(round.id);
  const [editing, setEditing] = useState(false);
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: consultationKeys.comments(c.id) });
    await client.invalidateQueries({ queryKey: consultationKeys.list(round.id) });
  };
  const save = useMutation({ mutationFn: (d: TConsultationInput) => api.put(`/consultations/${c.id}`, d), onSuccess: async () => (setEditing(false), refresh()) });
  // The items the document puts to residents: the whole round's, or the one municipality's.
  const documentItems = (roundItems.data?.items ?? []).filter((i) => c.kind !== 'planning_proposal' || i.municipalityId === c.territory.id);
  const itemName = (id: number) => {
    const i = documentItems.find((x) => x.id === id);
    return i ? `${names.territory(municipalities.find((m) => m.id === i.municipalityId))}: ${t(`agreement.actions.${i.action}`)} — ${names.serviceType(i.serviceType)}` : t('consultation.report.removedItem');
  };
  // Services and figures are named as residents read them on the public page (its JSON, in the screen's language).
  const aimedAtServices = (comments.data?.items ?? []).some((x) => x.target.kind === 'site' || x.target.kind === 'figure');
  const shown = useQuery({ queryKey: ['public-consultation', c.id, i18n.language], queryFn: () => api.get<TPublicConsultation>(`/public/consultations/${c.id}`, { lang: i18n.language }), enabled: aimedAtServices });
  const targetName = (target: TCommentTarget) => {
    switch (target.kind) {
      case 'whole':
        return t('consultation.public.targetWhole');
      case 'section':
        return t('consultation.public.targetSection', { heading: c.sections[target.section]?.heading ?? target.section + 1 });
      case 'item':
        return itemName(target.itemId);
      case 'site': {
        const x = shown.data?.sites.find((y) => y.id === target.siteId);
        return x ? t('consultation.public.siteLabel', { name: x.name, serviceType: x.serviceType, settlement: x.settlement }) : t('consultation.report.removedService');
      }
      case 'figure':
        return t('consultation.public.figureLabel', { municipality: names.territory(municipalities.find((m) => m.id === target.municipalityId)), serviceType: names.serviceType(target.serviceType) });
    }
  };

  if (editing) {
    return (
      <Stack>
        <ErrorAlert error={save.error} />
        <ConsultationForm
          initial={{ kind: c.kind, municipalityId: c.kind === 'planning_proposal' ? c.territory.id : null, title: c.title, intro: c.intro, sections: c.sections, opensOn: c.opensOn, closesOn: c.closesOn }}
          kinds={[c.kind]}
          municipalities={municipalities}
          fixedMunicipality
          locked={c.phase !== 'scheduled'}
          saving={save.isPending}
          onSave={(d) => save.mutate(d)}
          onCancel={() => setEditing(false)}
        />
      </Stack>
    );
  }
  const list = comments.data?.items ?? [];
  return (
    <Stack gap="md">
      <Anchor component="button" onClick={onBack} size="sm" ta="start">
        {t('consultation.ui.back')}
      </Anchor>
      <Title order={3} style={{ overflowWrap: 'anywhere' }}>
        {c.title}
      </Title>
      <Group gap="xs">
        <Text size="sm">
          {t(`consultation.kind.${c.kind}`)} · {names.territory(c.territory)} · {fmt.date(c.opensOn)} – {fmt.date(c.closesOn)}
        </Text>
        <Badge size="sm" variant="light" color={PHASE_COLOUR[c.phase]} data-testid="consultation-phase">
          {t(`consultation.phase.${c.phase}`)}
        </Badge>
      </Group>
      <Group gap="md">
        {c.phase === 'scheduled' ? (
          <Text size="sm">{t('consultation.ui.notYetPublic', { date: fmt.date(c.opensOn) })}</Text>
        ) : (
          <Anchor href={c.publicPath} target="_blank" rel="noopener" data-testid="consultation-public-link">
            {t('consultation.ui.publicPage')}
          </Anchor>
        )}
        <Button variant="light" size="xs" onClick={() => setEditing(true)} data-testid="consultation-edit">
          {c.phase === 'scheduled' ? t('common.edit') : t('consultation.ui.changeDate')}
        </Button>
        <Text size="sm">{t('consultation.ui.report')}:</Text>
        {(['docx', 'pdf'] as const).map((format) => (
          <Anchor key={format} href={`/api/v1/consultations/${c.id}/report/${format}`} download data-testid={`consultation-report-${format}`}>
            {format.toUpperCase()}
          </Anchor>
        ))}
      </Group>
      <Title order={4}>{t('consultation.ui.comments')}</Title>
      <ErrorAlert error={comments.error} />
      {comments.isSuccess && list.length === 0 ? <Text c="dimmed">{t('consultation.ui.noComments')}</Text> : null}
      {list.map((comment) => (
        <CommentCard key={comment.id} comment={comment} target={targetName(comment.target)} items={documentItems.map((i) => ({ value: String(i.id), label: itemName(i.id) }))} onChanged={refresh} />
      ))}
    </Stack>
  );
}

/** One comment as its moderator reads it: who (if given), where it is aimed, and what can be done with it. */
function CommentCard({ comment: x, target, items, onChanged }: { comment: TCommentView; target: string; items: { value: string; label: string }[]; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [hideReason, setHideReason] = useState('');
  const [hiding, setHiding] = useState(false);
  const [answer, setAnswer] = useState({ verdict: x.verdict ?? 'accepted', reason: x.reason, change: x.change, item: x.changedItemId === null ? null : String(x.changedItemId) });
  const [answering, setAnswering] = useState(false);
  const moderate = useMutation({ mutationFn: (body: unknown) => api.put(`/consultation-comments/${x.id}/moderation`, body), onSuccess: async () => (setHiding(false), onChanged()) });
  const reply = useMutation({
    mutationFn: () => api.put(`/consultation-comments/${x.id}/answer`, { verdict: answer.verdict, reason: answer.reason, change: answer.change, changedItemId: answer.item ? Number(answer.item) : null }),
    onSuccess: async () => (setAnswering(false), onChanged()),
  });
  const erase = useMutation({ mutationFn: () => api.delete(`/consultation-comments/${x.id}/commenter`), onSuccess: onChanged });
  const who = x.erased ? t('consultation.ui.erased') : [x.name, x.organisation].filter(Boolean).join(', ') || t('consultation.public.anonymous');
  const statusColour = x.status === 'published' ? SUCCESS_COLOUR : x.status === 'hidden' ? DANGER_COLOUR : WARNING_COLOUR;

  return (
    <Paper withBorder p="md" data-testid="consultation-comment">
      <Stack gap="xs">
        <Group gap="xs" justify="space-between">
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            {target}
          </Text>
          <Badge size="sm" variant="light" color={statusColour} data-testid="comment-status">
            {t(`consultation.status.${x.status}`)}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {fmt.dateTime(x.receivedAt)} · <span translate="no">{who}</span>
          {!x.erased && (x.name || x.organisation) ? ` · ${t(x.consent ? 'consultation.ui.consented' : 'consultation.ui.notConsented')}` : ''}
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{x.body}</Text>
        {x.status === 'hidden' && x.hiddenReason ? <Text size="sm">{t('consultation.public.hidden', { reason: x.hiddenReason })}</Text> : null}
        {x.verdict && !answering ? (
          <Paper bg="gray.0" p="xs">
            <Text size="sm" fw={600}>
              {t(`consultation.verdict.${x.verdict}`)}
            </Text>
            {x.reason ? <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{x.reason}</Text> : null}
            {x.change ? <Text size="sm">{t('consultation.public.change')}: {x.change}</Text> : null}
          </Paper>
        ) : null}
        <ErrorAlert error={moderate.error ?? reply.error ?? erase.error} />
        {hiding ? (
          <Group align="flex-end">
            <TextInput style={{ flex: 1, minWidth: 0 }} label={t('consultation.ui.hideReason')} value={hideReason} onChange={(e) => setHideReason(e.currentTarget.value)} maxLength={500} data-testid="comment-hide-reason" />
            <Button color="red" disabled={!hideReason.trim()} loading={moderate.isPending} onClick={() => moderate.mutate({ status: 'hidden', reason: hideReason })} data-testid="comment-hide-confirm">
              {t('consultation.ui.hide')}
            </Button>
          </Group>
        ) : null}
        {answering ? (
          <Stack gap="xs">
            <SegmentedControl
              data={(['accepted', 'partly', 'rejected'] as const).map((v) => ({ value: v, label: t(`consultation.verdict.${v}`) }))}
              value={answer.verdict}
              onChange={(v) => setAnswer((a) => ({ ...a, verdict: v as typeof a.verdict }))}
              fullWidth
              orientation="vertical"
              data-testid="comment-verdict"
            />
            <Textarea label={t('consultation.ui.reason')} description={answer.verdict === 'accepted' ? undefined : t('consultation.ui.reasonRequired')} value={answer.reason} onChange={(e) => {
                const reason = e.currentTarget.value;
                setAnswer((a) => ({ ...a, reason }));
              }} autosize minRows={2} data-testid="comment-reason" />
            <Textarea label={t('consultation.ui.change')} value={answer.change} onChange={(e) => {
                const change = e.currentTarget.value;
                setAnswer((a) => ({ ...a, change }));
              }} autosize minRows={2} data-testid="comment-change" />
            {items.length > 0 ? <Select label={t('consultation.ui.changedItem')} data={items} value={answer.item} onChange={(v) => setAnswer((a) => ({ ...a, item: v }))} clearable data-testid="comment-item" /> : null}
            <Group>
              <Button loading={reply.isPending} disabled={answer.verdict !== 'accepted' && !answer.reason.trim()} onClick={() => reply.mutate()} data-testid="comment-answer-save">
                {t('consultation.ui.saveAnswer')}
              </Button>
              <Button variant="default" onClick={() => setAnswering(false)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        ) : null}
        {!answering && !hiding ? (
          <Group gap="xs">
            {x.status !== 'published' ? (
              <Button size="xs" variant="light" color={SUCCESS_COLOUR} loading={moderate.isPending} onClick={() => moderate.mutate({ status: 'published' })} data-testid="comment-publish">
                {t('consultation.ui.publishComment')}
              </Button>
            ) : null}
            {x.status !== 'hidden' ? (
              <Button size="xs" variant="light" color="red" onClick={() => setHiding(true)} data-testid="comment-hide">
                {t('consultation.ui.hide')}
              </Button>
            ) : null}
            {x.status !== 'hidden' ? (
              <Button size="xs" variant="light" onClick={() => setAnswering(true)} data-testid="comment-answer">
                {x.verdict ? t('consultation.ui.changeAnswer') : t('consultation.ui.answer')}
              </Button>
            ) : null}
            {!x.erased && (x.name || x.organisation) ? (
              <Button size="xs" variant="subtle" color="gray" loading={erase.isPending} onClick={() => erase.mutate()} data-testid="comment-erase">
                {t('consultation.ui.erase')}
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
