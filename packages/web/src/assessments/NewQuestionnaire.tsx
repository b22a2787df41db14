import { useEffect, useState } from 'react';
import { Modal, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TAssessmentDetail } from '@potreby/server/assessments/schema';
import type { TQuestionnaireDetail } from '@potreby/server/surveys/schema';
import { api } from '../api/client';
import { DialogActions } from '../components/DialogActions';
import { ErrorAlert } from '../components/ErrorAlert';
import { assessmentKey } from './assessment-queries';

/** Start an empty questionnaire of the assessment and open it in the designer. */
export function NewQuestionnaire({ assessment, opened, onClose }: { assessment: TAssessmentDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (value: string) => api.post<TQuestionnaireDetail>('/questionnaires', { title: value, assessmentId: assessment.id, territoryId: assessment.territory.id }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: assessmentKey(assessment.id) });
      onClose();
      navigate(`/questionnaires/${created.id}`);
    },
  });

  useEffect(() => {
    if (!opened) return;
    setTitle('');
    setError(null);
    create.reset();
  }, [opened]);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!title.trim()) {
      setError(t('common.fieldErrors.required'));
      return;
    }
    create.mutate(title.trim());
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('assessments.questionnaires.newTitle')}>
      <form onSubmit={submit} noValidate data-testid="new-questionnaire-form">
        <Stack gap="sm">
          <ErrorAlert error={create.error} />
          <TextInput
            label={t('assessments.questionnaires.titleField')}
            description={t('assessments.questionnaires.titleHint')}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={error}
            data-testid="new-questionnaire-title"
          />
          <DialogActions onCancel={onClose} submit confirmLabel={t('assessments.questionnaires.createAndDesign')} confirmTestId="new-questionnaire-create" loading={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
