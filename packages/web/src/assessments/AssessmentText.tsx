import { useEffect, useState } from 'react';
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { TAssessmentDetail } from '@potreby/server/assessments/schema';
import { ErrorAlert } from '../components/ErrorAlert';
import { assessmentInput, useUpdateAssessment } from './assessment-queries';

type TextField = 'rulesOfWork' | 'conclusions' | 'recommendations';

/**
 * A longer text of the assessment (rules of work, conclusions, recommendations) edited in place
 * and saved with the assessment; read-only text for those who may not change it.
 */
export function AssessmentText({ assessment, field, label, description, testId }: { assessment: TAssessmentDetail; field: TextField; label: string; description?: string; testId: string }) {
  const { t } = useTranslation();
  const saved = assessment[field] ?? '';
  const [value, setValue] = useState(saved);
  const update = useUpdateAssessment(assessment.id);
  useEffect(() => setValue(saved), [saved]);

  if (!assessment.editable) {
    return (
      <Stack gap={4}>
        <Text fw={600} size="sm">
          {label}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid={testId}>
          {saved || t('assessments.notWrittenYet')}
        </Text>
      </Stack>
    );
  }

  const changed = value.trim() !== saved.trim();
  return (
    <Stack gap="xs">
      <Textarea label={label} description={description} autosize minRows={4} maxRows={16} value={value} onChange={(e) => setValue(e.currentTarget.value)} data-testid={testId} />
      <ErrorAlert error={update.error} />
      <Group justify="flex-end" gap="xs">
        {changed ? (
          <Button variant="default" size="xs" onClick={() => setValue(saved)}>
            {t('assessments.undoChanges')}
          </Button>
        ) : null}
        <Button
          size="xs"
          disabled={!changed}
          loading={update.isPending}
          onClick={() =>
            update.mutate(assessmentInput(assessment, { [field]: value.trim() === '' ? null : value.trim() }), {
              onSuccess: () => notifications.show({ color: 'teal', message: t('assessments.textSaved', { what: label }) }),
            })
          }
          data-testid={`${testId}-save`}
        >
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
