import { Select, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ASSESSMENT_METHODS, ZMethodInput } from '@potreby/domain';
import type { TAssessmentDetail } from '@potreby/server/assessments/schema';
import { orNull } from '../app/validation';
import { PartFormModal, usePartForm } from './PartForm';

type TMethod = TAssessmentDetail['methods'][number];
type FormValues = { method: string | null; description: string };

const initialValues = (m: TMethod | null, free: string | null): FormValues => ({ method: m?.method ?? free, description: m?.description ?? '' });
const toInput = (v: FormValues) => ({ method: v.method ?? undefined, description: orNull(v.description.trim()) });

/** Choose a data-collection method (questionnaire, interview, focus group, administrative data) and say how it is used. */
export function MethodForm({ assessment, method, opened, onClose }: { assessment: TAssessmentDetail; method: TMethod | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  // Offer first a method not chosen yet.
  const free = ASSESSMENT_METHODS.find((m) => !assessment.methods.some((c) => c.method === m)) ?? null;
  const { form, modal } = usePartForm(
    { assessmentId: assessment.id, part: 'methods', partId: method?.id ?? null, opened, onClose },
    { initialValues: initialValues(method, free), schema: ZMethodInput, toInput, savedMessage: () => t('dataMethods.methodSaved') },
  );

  return (
    <PartFormModal {...modal} title={t(method ? 'dataMethods.editMethodTitle' : 'dataMethods.addMethodTitle')} testId="method-form" saveTestId="method-save">
      <Select
        label={t('dataMethods.method')}
        required
        allowDeselect={false}
        data={ASSESSMENT_METHODS.map((m) => ({ value: m, label: t(`dataMethods.kinds.${m}`) }))}
        {...form.getInputProps('method')}
        data-testid="method-kind"
      />
      <Textarea label={t('dataMethods.description')} description={t('dataMethods.descriptionHint')} autosize minRows={3} {...form.getInputProps('description')} data-testid="method-description" />
    </PartFormModal>
  );
}
