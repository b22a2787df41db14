import { useEffect } from 'react';
import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { MEASURE_STATUSES, ZMeasureInput, type TMeasureInput } from '@potreby/domain';
import type { TAssessmentDetail } from '@potreby/server/assessments/schema';
import { orNull } from '../app/validation';
import { ErrorAlert } from '../components/ErrorAlert';
import { useSavePart } from './assessment-queries';
import { assessmentServerErrors, validateAssessmentPart } from './field-errors';

type TMeasure = TAssessmentDetail['measures'][number];
type FormValues = { activity: string; responsible: string; dueDate: string; status: string | null };

const initialValues = (m: TMeasure | null): FormValues => ({ activity: m?.activity ?? '', responsible: m?.responsible ?? '', dueDate: m?.dueDate ?? '', status: m?.status ?? 'planned' });
const toInput = (v: FormValues) => ({ activity: v.activity, responsible: v.responsible, dueDate: orNull(v.dueDate), status: v.status ?? undefined });

/** Add an activity to the plan of measures, or change one (who does it, by when, how far it is). */
export function MeasureForm({ assessment, measure, opened, onClose }: { assessment: TAssessmentDetail; measure: TMeasure | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSavePart<TMeasureInput>(assessment.id, 'measures');
  const form = useForm<FormValues>({ mode: 'controlled', initialValues: initialValues(measure), validate: (v) => validateAssessmentPart(ZMeasureInput, toInput(v), t) });

  useEffect(() => {
    if (!opened) return;
    form.setValues(initialValues(measure));
    form.clearErrors();
    save.reset();
  }, [opened, measure?.id]);

  const submit = form.onSubmit((values) =>
    save.mutate(
      { partId: measure?.id ?? null, input: ZMeasureInput.parse(toInput(values)) },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('plan.saved') });
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
    <Modal opened={opened} onClose={onClose} title={t(measure ? 'plan.editTitle' : 'plan.addTitle')} size="lg">
      <form onSubmit={submit} noValidate data-testid="measure-form">
        <Stack gap="sm">
          <ErrorAlert error={serverError} />
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
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="measure-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
