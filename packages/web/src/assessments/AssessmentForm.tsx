import { useEffect } from 'react';
import { Modal, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ASSESSMENT_STATUSES, LANGUAGES, ZAssessmentInput, type TAssessmentInput } from '@potreby/domain';
import { COUNTRY_LANGUAGE } from '@potreby/i18n';
import type { TAssessmentDetail } from '@potreby/server/assessments/schema';
import { api } from '../api/client';
import { useFormat } from '../app/format';
import { useNames } from '../app/names';
import { numberOrUndefined } from '../app/validation';
import { DialogActions } from '../components/DialogActions';
import { ErrorAlert } from '../components/ErrorAlert';
import { TerritoryPicker } from '../components/TerritoryPicker';
import { assessmentInput, assessmentKey } from './assessment-queries';
import { assessmentServerErrors, validateAssessmentPart } from './field-errors';


type FormValues = {
  territoryId: number | null;
  title: string;
  periodFrom: string;
  periodTo: string;
  year: number | string;
  language: string | null;
  status: string | null;
};

function initialValues(a: TAssessmentDetail | null, language: string): FormValues {
  const year = new Date().getFullYear();
  return {
    territoryId: a?.territory.id ?? null,
    title: a?.title ?? '',
    periodFrom: a?.periodFrom ?? `${year}-01-01`,
    periodTo: a?.periodTo ?? `${year}-12-31`,
    year: a?.year ?? year,
    language: a?.language ?? language,
    status: a?.status ?? 'planning',
  };
}

function toInput(v: FormValues, a: TAssessmentDetail | null): Record<string, unknown> {
  const core = {
    territoryId: v.territoryId ?? undefined,
    title: v.title,
    periodFrom: v.periodFrom,
    periodTo: v.periodTo,
    year: numberOrUndefined(v.year),
    language: v.language ?? undefined,
    status: v.status ?? undefined,
  };
  return a ? { ...assessmentInput(a), ...core } : core;
}

/** Start a needs assessment, or change its title, territory, period, language and status. */
export function AssessmentForm({ opened, assessment, onClose }: { opened: boolean; assessment: TAssessmentDetail | null; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = useNames();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: initialValues(assessment, fmt.language),
    validate: (values) => validateAssessmentPart(ZAssessmentInput, toInput(values, assessment), t),
  });

  useEffect(() => {
    if (!opened) return;
    form.setValues(initialValues(assessment, fmt.language));
    form.clearErrors();
    save.reset();
  }, [opened, assessment?.id]);

  const save = useMutation({
    mutationFn: (input: TAssessmentInput) =>
      assessment ? api.put<TAssessmentDetail>(`/assessments/${assessment.id}`, input) : api.post<TAssessmentDetail>('/assessments', input),
    onSuccess: async (saved) => {
      queryClient.setQueryData(assessmentKey(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: ['assessments'] });
      notifications.show({ color: 'teal', message: t(assessment ? 'assessments.saved' : 'assessments.created', { title: saved.title }) });
      onClose();
      if (!assessment) navigate(`/assessments/${saved.id}`);
    },
    onError: (error) => {
      const fields = assessmentServerErrors(error, t);
      if (fields) form.setErrors(fields);
    },
  });

  const submit = form.onSubmit((values) => save.mutate(ZAssessmentInput.parse(toInput(values, assessment))));
  const serverError = save.error && !assessmentServerErrors(save.error, t) ? save.error : null;

  return (
    <Modal opened={opened} onClose={onClose} title={t(assessment ? 'assessments.editTitle' : 'assessments.addTitle')} size="lg">
      <form onSubmit={submit} noValidate data-testid="assessment-form">
        <Stack gap="sm">
          <ErrorAlert error={serverError} />
          <TerritoryPicker
            label={t('assessments.territory')}
            description={t('assessments.territoryHint')}
            levels={['municipality']}
            required
            clearable={false}
            value={form.values.territoryId}
            onChange={(id, node) => {
              form.setFieldValue('territoryId', id);
              // Documents go out in the community's own language unless the user says otherwise.
              const own = node ? COUNTRY_LANGUAGE[node.country as keyof typeof COUNTRY_LANGUAGE] : undefined;
              if (own && !assessment) form.setFieldValue('language', own);
            }}
            error={form.errors.territoryId}
            data-testid="assessment-territory"
          />
          <TextInput label={t('assessments.titleField')} description={t('assessments.titleHint')} required {...form.getInputProps('title')} data-testid="assessment-title" />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput label={t('assessments.periodFrom')} type="date" required {...form.getInputProps('periodFrom')} data-testid="assessment-period-from" />
            <TextInput label={t('assessments.periodTo')} type="date" required {...form.getInputProps('periodTo')} data-testid="assessment-period-to" />
            <NumberInput
              label={t('assessments.year')}
              description={t('assessments.yearHint')}
              required
              allowDecimal={false}
              thousandSeparator=""
              {...form.getInputProps('year')}
              data-testid="assessment-year"
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('assessments.language')}
              description={t('assessments.languageHint')}
              required
              allowDeselect={false}
              data={LANGUAGES.map((l) => ({ value: l, label: names.languageName(l) }))}
              {...form.getInputProps('language')}
              data-testid="assessment-language"
            />
            <Select
              label={t('assessments.status')}
              required
              allowDeselect={false}
              data={ASSESSMENT_STATUSES.map((s) => ({ value: s, label: t(`assessments.statuses.${s}`) }))}
              {...form.getInputProps('status')}
              data-testid="assessment-status"
            />
          </SimpleGrid>
          <DialogActions onCancel={onClose} submit confirmLabel={t(assessment ? 'common.save' : 'assessments.create')} confirmTestId="assessment-save" loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
