import { useEffect } from 'react';
import { Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ZAssessmentInput } from '@potreby/domain';
import type { TAssessmentDetail } from '@potreby/server/assessments/schema';
import { useFormat } from '../app/format';
import { orNull } from '../app/validation';
import { ErrorAlert } from '../components/ErrorAlert';
import { assessmentInput, useUpdateAssessment } from './assessment-queries';
import { assessmentServerErrors, validateAssessmentPart } from './field-errors';

type FormValues = { planDecision: string; planApprovedOn: string };

/** "Approved by decision No. … of <date>": the executive committee's decision that approves the plan. */
export function PlanApproval({ assessment }: { assessment: TAssessmentDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const update = useUpdateAssessment(assessment.id);
  const initial = { planDecision: assessment.planDecision ?? '', planApprovedOn: assessment.planApprovedOn ?? '' };
  const toInput = (v: FormValues) => assessmentInput(assessment, { planDecision: orNull(v.planDecision.trim()), planApprovedOn: orNull(v.planApprovedOn) });
  const form = useForm<FormValues>({ mode: 'controlled', initialValues: initial, validate: (v) => validateAssessmentPart(ZAssessmentInput, toInput(v), t) });

  useEffect(() => {
    form.setValues(initial);
    form.resetDirty(initial);
  }, [assessment.planDecision, assessment.planApprovedOn]);

  const approved = assessment.planDecision && assessment.planApprovedOn;
  const statement = approved ? (
    <Group gap={6} wrap="nowrap" data-testid="plan-approved">
      <IconCircleCheck size={18} color="var(--mantine-color-teal-9)" aria-hidden />
      <Text size="sm" fw={600}>
        {t('plan.approvedBy', { decision: assessment.planDecision, date: fmt.date(assessment.planApprovedOn) })}
      </Text>
    </Group>
  ) : (
    <Text size="sm" c="gray.7" data-testid="plan-not-approved">
      {t('plan.notApproved')}
    </Text>
  );
  if (!assessment.editable) return statement;

  const submit = form.onSubmit((values) =>
    update.mutate(toInput(values), {
      onSuccess: () => notifications.show({ color: 'teal', message: t('plan.approvalSaved') }),
      onError: (error) => {
        const fields = assessmentServerErrors(error, t);
        if (fields) form.setErrors(fields);
      },
    }),
  );
  const serverError = update.error && !assessmentServerErrors(update.error, t) ? update.error : null;

  return (
    <form onSubmit={submit} noValidate data-testid="plan-approval-form">
      <Stack gap="xs">
        {statement}
        <ErrorAlert error={serverError} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" style={{ alignItems: 'end' }}>
          <TextInput label={t('plan.decision')} description={t('plan.decisionHint')} {...form.getInputProps('planDecision')} data-testid="plan-decision" />
          <TextInput label={t('plan.approvedOn')} type="date" {...form.getInputProps('planApprovedOn')} data-testid="plan-approved-on" />
          <Group>
            <Button type="submit" variant="default" loading={update.isPending} disabled={!form.isDirty()} data-testid="plan-approval-save">
              {t('plan.saveApproval')}
            </Button>
          </Group>
        </SimpleGrid>
      </Stack>
    </form>
  );
}
