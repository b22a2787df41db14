import { Autocomplete, MultiSelect, Select, SimpleGrid, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ASSESSMENT_METHODS, ZFindingInput } from '@potreby/domain';
import type { TAssessmentDetail } from '@potreby/server/assessments/schema';
import { useOfferedServiceTypes } from '../catalogue/offered-types';
import { useNames } from '../app/names';
import { orNull } from '../app/validation';
import { PartFormModal, usePartForm } from './PartForm';

type TFinding = TAssessmentDetail['findings'][number];
type FormValues = { method: string | null; topic: string; respondentGroupId: string | null; text: string; quote: string; serviceTypes: string[] };

const initialValues = (f: TFinding | null): FormValues => ({
  method: f?.method ?? 'interview',
  topic: f?.topic ?? '',
  respondentGroupId: f?.respondentGroupId ? String(f.respondentGroupId) : null,
  text: f?.text ?? '',
  quote: f?.quote ?? '',
  serviceTypes: f?.serviceTypes ?? [],
});

const toInput = (v: FormValues) => ({
  method: v.method ?? undefined,
  topic: v.topic,
  respondentGroupId: v.respondentGroupId ? Number(v.respondentGroupId) : null,
  text: v.text,
  quote: orNull(v.quote.trim()),
  serviceTypes: v.serviceTypes,
});

/** Record what an interview or focus group found: topic, group, the finding, a quote, the services it concerns. */
export function FindingForm({ assessment, finding, opened, onClose }: { assessment: TAssessmentDetail; finding: TFinding | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const names = useNames();
  const { items: serviceTypes } = useOfferedServiceTypes(assessment.territory.country, finding?.serviceTypes ?? null);
  const { form, modal } = usePartForm(
    { assessmentId: assessment.id, part: 'findings', partId: finding?.id ?? null, opened, onClose },
    { initialValues: initialValues(finding), schema: ZFindingInput, toInput, savedMessage: () => t('findings.saved') },
  );
  const topics = [...new Set(assessment.findings.map((f) => f.topic))].sort((a, b) => a.localeCompare(b));

  return (
    <PartFormModal {...modal} title={t(finding ? 'findings.editTitle' : 'findings.addTitle')} size="lg" testId="finding-form" saveTestId="finding-save">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('findings.method')}
          required
          allowDeselect={false}
          data={ASSESSMENT_METHODS.map((m) => ({ value: m, label: t(`dataMethods.kinds.${m}`) }))}
          {...form.getInputProps('method')}
          data-testid="finding-method"
        />
        <Select
          label={t('findings.group')}
          clearable
          placeholder={t('findings.noGroup')}
          data={assessment.groups.map((g) => ({ value: String(g.id), label: g.name }))}
          {...form.getInputProps('respondentGroupId')}
          data-testid="finding-group"
        />
      </SimpleGrid>
      <Autocomplete label={t('findings.topic')} description={t('findings.topicHint')} required data={topics} {...form.getInputProps('topic')} data-testid="finding-topic" />
      <Textarea label={t('findings.text')} description={t('findings.textHint')} required autosize minRows={3} {...form.getInputProps('text')} data-testid="finding-text" />
      <Textarea label={t('findings.quote')} description={t('findings.quoteHint')} autosize minRows={2} {...form.getInputProps('quote')} data-testid="finding-quote" />
      <MultiSelect
        label={t('findings.serviceTypes')}
        description={t('findings.serviceTypesHint')}
        searchable
        clearable
        data={serviceTypes.map((s) => ({ value: s.key, label: names.serviceType(s) }))}
        {...form.getInputProps('serviceTypes')}
        data-testid="finding-service-types"
      />
    </PartFormModal>
  );
}
