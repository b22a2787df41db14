import { Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MEASURE_STATUSES, ZMeasureInput } from '@potreby/domain';
import type { TAssessmentDetail } from '@potreby/server/assessments/schema';
import { orNull } from '../app/validation';
import { PartFormModal, usePartForm } from './PartForm';

type TMeasure = TAssessmentDetail['measures'][number];
type FormValues = { activity: string; responsible: string; dueDate: string; status: string | null };

const initialValues = (m: TMeasure | null): FormValues => ({ activity: m?.activity ?? '', responsible: m?.responsible ?? '', dueDate: m?.dueDate ?? '', status: m?.status ?? 'planned' });
const toInput = (v: FormValues) => ({ activity: v.activity, responsible: v.responsible, dueDate: orNull(v.dueDate), status: v.status ?? undefined });

/** Add an activity to the plan of measures, or change one (who does it, by when, how far it is). */
export function MeasureForm({ assessment, measure, opened, onClose }: { assessment: TAssessmentDetail; measure: TMeasure | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { form, modal } = usePartForm(
    { assessmentId: assessment.id, part: 'measures', partId: measure?.id ?? null, opened, onClose },
    { initialValues: initialValues(measure), schema: ZMeasureInput, toInput, savedMessage: () => t('plan.saved') },
  );

  return (
    <PartFormModal {...modal} title={t(measure ? 'plan.editTitle' : 'plan.addTitle')} size="lg" testId="measure-form" saveTestId="measure-save">
      <Textarea label={t('plan.activity')} description={t('plan.activityHint')} required autosize minRows={2} {...form.getInputProps('activity')} data-testid="measure-activity" />
      <TextInput label={t('plan.responsible')} description={t('plan.responsibleHint')} required {...form.getInputProps('responsible')} data-testid="measure-responsible" />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={t('plan.dueDate')} type="date" {...form.getInputProps('dueDate')} data-testid="measure-due" />
        <Select
          label={t('plan.status')}
          required
          allowDeselect={false}
          data={MEASURE_STATUSES.map((s) => ({ value: s, label: t(`plan.statuses.${s}`) }))}
          {...form.getInputProps('status')}
          data-testid="measure-status"
        />
      </SimpleGrid>
    </PartFormModal>
  );
}
