import { useEffect } from 'react';
import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ASSESSMENT_METHODS, ZMethodInput, type TMethodInput } from '@potreby/domain';
import type { TAssessmentDetail } from '@potreby/server/assessments/schema';
import { orNull } from '../app/validation';
import { ErrorAlert } from '../components/ErrorAlert';
import { useSavePart } from './assessment-queries';
import { assessmentServerErrors, validateAssessmentPart } from './field-errors';

type TMethod = TAssessmentDetail['methods'][number];
type FormValues = { method: string | null; description: string };

const initialValues = (m: TMethod | null, free: string | null): FormValues => ({ method: m?.method ?? free, description: m?.description ?? '' });
const toInput = (v: FormValues) => ({ method: v.method ?? undefined, description: orNull(v.description.trim()) });

/** Choose a data-collection method (questionnaire, interview, focus group, administrative data) and say how it is used. */
export function MethodForm({ assessment, method, opened, onClose }: { assessment: TAssessmentDetail; method: TMethod | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSavePart<TMethodInput>(assessment.id, 'methods');
  // Offer first a method not chosen yet.
  const free = ASSESSMENT_METHODS.find((m) => !assessment.methods.some((c) => c.method === m)) ?? null;
  const form = useForm<FormValues>({ mode: 'controlled', initialValues: initialValues(method, free), validate: (v) => validateAssessmentPart(ZMethodInput, toInput(v), t) });

  useEffect(() => {
    if (!opened) return;
    form.setValues(initialValues(method, free));
    form.clearErrors();
    save.reset();
  }, [opened, method?.id]);

  const submit = form.onSubmit((values) =>
    save.mutate(
      { partId: method?.id ?? null, input: ZMethodInput.parse(toInput(values)) },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('dataMethods.methodSaved') });
          onClose();
        },
        onError: (error) => {
          const fields = assessmentServerErrors(error, t);
          if (fields) form.setErrors(fields);
        },
      },
    ),
  );
  const serverError = save.error && !assessmentServerErrors(save.error, t) ? save.error : null;

  return (
    <Modal opened={opened} onClose={onClose} title={t(method ? 'dataMethods.editMethodTitle' : 'dataMethods.addMethodTitle')}>
      <form onSubmit={submit} noValidate data-testid="method-form">
        <Stack gap="sm">
          <ErrorAlert error={serverError} />
          <Select
            label={t('dataMethods.method')}
            required
            allowDeselect={false}
            data={ASSESSMENT_METHODS.map((m) => ({ value: m, label: t(`dataMethods.kinds.${m}`) }))}
            {...form.getInputProps('method')}
            data-testid="method-kind"
          />
          <Textarea label={t('dataMethods.description')} description={t('dataMethods.descriptionHint')} autosize minRows={3} {...form.getInputProps('description')} data-testid="method-description" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="method-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
