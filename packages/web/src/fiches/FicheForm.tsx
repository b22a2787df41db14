import { ActionIcon, Button, Group, MultiSelect, NumberInput, Paper, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { FUNDING_SOURCES } from '@potreby/domain/planning/proposal';
import type { TFicheInput } from '@potreby/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type Budget = { year: number; source: (typeof FUNDING_SOURCES)[number]; amount: number };
type Indicator = { kind: 'output' | 'result'; name: string; unit: string; baseline: number | null; target: number };
export type FicheDraft = {
  title: string;
  problemIds: number[];
  serviceTypes: string[];
  objectives: string;
  activities: string;
  targetGroup: string;
  peopleReached: number | null;
  partners: string;
  startMonth: string;
  months: number;
  budget: Budget[];
  indicators: Indicator[];
  owner: string;
};

export const emptyFiche = (year: number): FicheDraft => ({ title: '', problemIds: [], serviceTypes: [], objectives: '', activities: '', targetGroup: '', peopleReached: null, partners: '', startMonth: `${year}-01`, months: 12, budget: [], indicators: [], owner: '' });

/** Lists typed one per line (activities, partners): what a working group writes on a flip chart. */
const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export const toInput = (d: FicheDraft): TFicheInput => ({ ...d, activities: lines(d.activities), partners: lines(d.partners) });

/**
 * A project fiche: what it addresses (the problems recorded at the working meetings, the services
 * whose gap it reduces), what it does, for whom, with whom, for how long, for how much from which
 * source by year, and how its outputs and results will be measured.
 */
export function FicheForm({ initial, problems, serviceTypes, saving, onSave, onCancel }: {
  initial: FicheDraft;
  problems: { value: string; label: string }[];
  serviceTypes: { value: string; label: string }[];
  saving: boolean;
  onSave: (input: TFicheInput) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [d, setD] = useState(initial);
  const set = (patch: Partial<FicheDraft>) => setD((x) => ({ ...x, ...patch }));
  const ready = d.title.trim() !== '' && /^\d{4}-(0[1-9]|1[0-2])$/.test(d.startMonth) && d.months >= 1 && (d.problemIds.length > 0 || d.serviceTypes.length > 0) && d.indicators.every((i) => i.name.trim());
  const startYear = Number(d.startMonth.slice(0, 4)) || new Date().getFullYear();

  return (
    <Paper withBorder p="md" component="form" onSubmit={(e) => (e.preventDefault(), ready && onSave(toInput(d)))} data-testid="fiche-form">
      <Stack gap="sm">
        <TextInput label={t('fiches.title')} value={d.title} onChange={(e) => set({ title: e.currentTarget.value })} required maxLength={300} data-testid="fiche-title" />
        <MultiSelect label={t('fiches.problems')} description={t('fiches.ui.problemsHint')} data={problems} value={d.problemIds.map(String)} onChange={(v) => set({ problemIds: v.map(Number) })} searchable data-testid="fiche-problems" />
        <MultiSelect label={t('fiches.serviceTypes')} data={serviceTypes} value={d.serviceTypes} onChange={(v) => set({ serviceTypes: v })} searchable data-testid="fiche-service-types" />
        <Textarea label={t('fiches.objectives')} value={d.objectives} onChange={(e) => set({ objectives: e.currentTarget.value })} autosize minRows={2} maxLength={5000} data-testid="fiche-objectives" />
        <Textarea label={t('fiches.activities')} description={t('fiches.ui.onePerLine')} value={d.activities} onChange={(e) => set({ activities: e.currentTarget.value })} autosize minRows={3} data-testid="fiche-activities" />
        <Group grow align="flex-start">
          <TextInput label={t('fiches.targetGroup')} value={d.targetGroup} onChange={(e) => set({ targetGroup: e.currentTarget.value })} maxLength={1000} data-testid="fiche-target-group" />
          <NumberInput label={t('fiches.peopleReached')} description={t('fiches.ui.emptyIfUnknown')} value={d.peopleReached ?? ''} min={0} allowDecimal={false} onChange={(v) => set({ peopleReached: typeof v === 'number' ? v : null })} data-testid="fiche-people" />
        </Group>
        <Textarea label={t('fiches.partners')} description={t('fiches.ui.onePerLine')} value={d.partners} onChange={(e) => set({ partners: e.currentTarget.value })} autosize minRows={2} data-testid="fiche-partners" />
        <Group grow align="flex-start">
          <TextInput type="month" label={t('fiches.ui.startMonth')} value={d.startMonth} onChange={(e) => set({ startMonth: e.currentTarget.value })} required data-testid="fiche-start" />
          <NumberInput label={t('fiches.ui.months')} value={d.months} min={1} max={120} allowDecimal={false} onChange={(v) => set({ months: typeof v === 'number' ? v : 1 })} data-testid="fiche-months" />
        </Group>
        <TextInput label={t('fiches.owner')} value={d.owner} onChange={(e) => set({ owner: e.currentTarget.value })} maxLength={300} data-testid="fiche-owner" />

        <Title order={4}>{t('fiches.budget')}</Title>
        {d.budget.map((b, i) => (
          <Group key={i} align="flex-end" wrap="wrap" data-testid="fiche-budget-line">
            <NumberInput style={{ flex: '0 0 7rem' }} label={t('fiches.year')} value={b.year} min={1900} max={2200} allowDecimal={false} onChange={(v) => set({ budget: d.budget.map((x, j) => (j === i ? { ...x, year: typeof v === 'number' ? v : x.year } : x)) })} />
            <Select style={{ flex: '1 1 12rem' }} label={t('fiches.source')} data={FUNDING_SOURCES.map((f) => ({ value: f, label: t(`fundingSources.${f}`) }))} value={b.source} allowDeselect={false} onChange={(v) => v && set({ budget: d.budget.map((x, j) => (j === i ? { ...x, source: v as Budget['source'] } : x)) })} />
            <NumberInput style={{ flex: '1 1 9rem' }} label={t('fiches.amount')} value={b.amount} min={0} thousandSeparator=" " onChange={(v) => set({ budget: d.budget.map((x, j) => (j === i ? { ...x, amount: typeof v === 'number' ? v : 0 } : x)) })} data-testid="fiche-budget-amount" />
            <ActionIcon variant="subtle" color="red" aria-label={t('fiches.ui.removeLine', { n: i + 1 })} onClick={() => set({ budget: d.budget.filter((_, j) => j !== i) })}>
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button variant="light" onClick={() => set({ budget: [...d.budget, { year: startYear, source: 'municipal', amount: 0 }] })} data-testid="fiche-add-budget">
            {t('fiches.ui.addBudget')}
          </Button>
        </Group>

        <Title order={4}>{t('fiches.indicators')}</Title>
        {d.indicators.map((x, i) => (
          <Group key={i} align="flex-end" wrap="wrap" data-testid="fiche-indicator">
            <Select style={{ flex: '0 0 9rem' }} label={t('fiches.indicatorKind')} data={(['output', 'result'] as const).map((k) => ({ value: k, label: t(`fiches.indicatorKinds.${k}`) }))} value={x.kind} allowDeselect={false} onChange={(v) => v && set({ indicators: d.indicators.map((y, j) => (j === i ? { ...y, kind: v as Indicator['kind'] } : y)) })} />
            <TextInput style={{ flex: '2 1 12rem' }} label={t('fiches.indicatorName')} value={x.name} required onChange={(e) => set({ indicators: d.indicators.map((y, j) => (j === i ? { ...y, name: e.currentTarget.value } : y)) })} />
            <TextInput style={{ flex: '0 1 6rem' }} label={t('fiches.unit')} value={x.unit} onChange={(e) => set({ indicators: d.indicators.map((y, j) => (j === i ? { ...y, unit: e.currentTarget.value } : y)) })} />
            <NumberInput style={{ flex: '0 1 7rem' }} label={t('fiches.baseline')} value={x.baseline ?? ''} onChange={(v) => set({ indicators: d.indicators.map((y, j) => (j === i ? { ...y, baseline: typeof v === 'number' ? v : null } : y)) })} />
            <NumberInput style={{ flex: '0 1 7rem' }} label={t('fiches.target')} value={x.target} onChange={(v) => set({ indicators: d.indicators.map((y, j) => (j === i ? { ...y, target: typeof v === 'number' ? v : 0 } : y)) })} />
            <ActionIcon variant="subtle" color="red" aria-label={t('fiches.ui.removeIndicator', { n: i + 1 })} onClick={() => set({ indicators: d.indicators.filter((_, j) => j !== i) })}>
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button variant="light" onClick={() => set({ indicators: [...d.indicators, { kind: 'output', name: '', unit: '', baseline: null, target: 0 }] })} data-testid="fiche-add-indicator">
            {t('fiches.ui.addIndicator')}
          </Button>
        </Group>
        <Group>
          <Button type="submit" disabled={!ready} loading={saving} data-testid="fiche-save">
            {t('common.save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
