import { Alert, Button, Group, Select, Stack, Textarea, TextInput, Paper, Title, ActionIcon } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { defaultPeriod, periodDays, USUAL_CONSULTATION_DAYS, type TConsultationInput, type TConsultationKind } from '@potreby/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNames } from '../app/names';
import type { RoundUnit } from '../planning/round-parts';

export type ConsultationDraft = { kind: TConsultationKind; municipalityId: number | null; title: string; intro: string; sections: { heading: string; body: string }[]; opensOn: string; closesOn: string };

export const emptyConsultation = (today: string, kind: TConsultationKind, municipalityId: number | null): ConsultationDraft => ({ kind, municipalityId, title: '', intro: '', sections: [], ...defaultPeriod(today) });

/**
 * Publishing a round's document for consultation: what it is, whose, its text in sections, and
 * the period — offered as the usual 30 days, with a warning (not a refusal) when shorter.
 * Once open, only the closing date can change (`locked`).
 */
export function ConsultationForm({ initial, kinds, municipalities, fixedMunicipality, locked, saving, onSave, onCancel }: {
  initial: ConsultationDraft;
  kinds: TConsultationKind[];
  municipalities: RoundUnit[];
  /** A municipality's officer publishes its own proposal only. */
  fixedMunicipality: boolean;
  locked: boolean;
  saving: boolean;
  onSave: (draft: TConsultationInput) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const names = useNames();
  const [d, setD] = useState(initial);
  const set = (patch: Partial<ConsultationDraft>) => setD((x) => ({ ...x, ...patch }));
  const municipal = d.kind === 'planning_proposal';
  const validDates = /^\d{4}-\d{2}-\d{2}$/.test(d.opensOn) && /^\d{4}-\d{2}-\d{2}$/.test(d.closesOn);
  const days = validDates && d.closesOn >= d.opensOn ? periodDays(d) : null;
  const ready = d.title.trim() !== '' && days !== null && (!municipal || d.municipalityId !== null) && d.sections.every((s) => s.heading.trim() !== '');

  return (
    <Paper withBorder p="md" component="form" onSubmit={(e) => (e.preventDefault(), ready && onSave({ ...d, municipalityId: municipal ? d.municipalityId : null }))} data-testid="consultation-form">
      <Stack gap="sm">
        <Select label={t('consultation.ui.kind')} data={kinds.map((k) => ({ value: k, label: t(`consultation.kind.${k}`) }))} value={d.kind} onChange={(v) => v && set({ kind: v as TConsultationKind })} disabled={locked} allowDeselect={false} data-testid="consultation-kind" />
        {municipal ? (
          <Select
            label={t('consultation.ui.municipality')}
            data={municipalities.map((m) => ({ value: String(m.id), label: names.territory(m) }))}
            value={d.municipalityId === null ? null : String(d.municipalityId)}
            onChange={(v) => set({ municipalityId: v ? Number(v) : null })}
            disabled={locked || fixedMunicipality}
            searchable
            data-testid="consultation-municipality"
          />
        ) : null}
        <TextInput label={t('consultation.ui.title')} value={d.title} onChange={(e) => set({ title: e.currentTarget.value })} required maxLength={300} disabled={locked} data-testid="consultation-title" />
        <Textarea label={t('consultation.ui.intro')} value={d.intro} onChange={(e) => set({ intro: e.currentTarget.value })} autosize minRows={2} maxLength={5000} disabled={locked} data-testid="consultation-intro" />
        <Title order={4}>{t('consultation.ui.sections')}</Title>
        {d.sections.map((s, i) => (
          <Paper key={i} withBorder p="sm" data-testid="consultation-section">
            <Group align="flex-end" wrap="nowrap">
              <TextInput style={{ flex: 1 }} label={t('consultation.ui.sectionHeading', { n: i + 1 })} value={s.heading} required maxLength={300} disabled={locked} onChange={(e) => set({ sections: d.sections.map((x, j) => (j === i ? { ...x, heading: e.currentTarget.value } : x)) })} />
              {locked ? null : (
                <ActionIcon variant="subtle" color="red" aria-label={t('consultation.ui.removeSection', { n: i + 1 })} onClick={() => set({ sections: d.sections.filter((_, j) => j !== i) })}>
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              )}
            </Group>
            <Textarea mt="xs" label={t('consultation.ui.sectionBody')} value={s.body} autosize minRows={3} maxLength={20000} disabled={locked} onChange={(e) => set({ sections: d.sections.map((x, j) => (j === i ? { ...x, body: e.currentTarget.value } : x)) })} />
          </Paper>
        ))}
        {locked || d.sections.length >= 40 ? null : (
          <Group>
            <Button variant="light" onClick={() => set({ sections: [...d.sections, { heading: '', body: '' }] })} data-testid="consultation-add-section">
              {t('consultation.ui.addSection')}
            </Button>
          </Group>
        )}
        <Group grow align="flex-start">
          <TextInput type="date" label={t('consultation.ui.opensOn')} value={d.opensOn} onChange={(e) => set({ opensOn: e.currentTarget.value })} required disabled={locked} data-testid="consultation-opens" />
          <TextInput type="date" label={t('consultation.ui.closesOn')} value={d.closesOn} onChange={(e) => set({ closesOn: e.currentTarget.value })} required data-testid="consultation-closes" error={validDates && d.closesOn < d.opensOn ? t('consultation.ui.closesBeforeOpens') : undefined} />
        </Group>
        {days !== null && days < USUAL_CONSULTATION_DAYS ? (
          <Alert color="yellow" variant="light" data-testid="consultation-short">
            {t('consultation.ui.shortPeriod', { count: days, usual: USUAL_CONSULTATION_DAYS })}
          </Alert>
        ) : null}
        {locked ? <Alert variant="light">{t('consultation.ui.lockedText')}</Alert> : null}
        <Group>
          <Button type="submit" loading={saving} disabled={!ready} data-testid="consultation-save">
            {locked ? t('consultation.ui.saveDate') : t('consultation.ui.publish')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
