import { useEffect, useState } from 'react';
import { Alert, FileInput, Modal, Select, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconFileUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TAssessmentDetail } from '@potreby/server/assessments/schema';
import type { TResponseImportResult } from '@potreby/server/surveys/import-schema';
import { ApiError, api } from '../api/client';
import { useFormat } from '../app/format';
import { DialogActions } from '../components/DialogActions';
import { ErrorAlert } from '../components/ErrorAlert';
import { ImportReport } from '../imports/ImportReport';
import { assessmentKey } from './assessment-queries';
import { SUCCESS_COLOUR } from '../questionnaires/colours';

/**
 * Bulk responses from a CSV or XLSX file (a KoboToolbox export, XLSForm column names), all or
 * nothing like every import: a file with errors changes nothing and comes back row by row.
 */
export function ImportResponses({ assessment, opened, onClose, questionnaireId }: { assessment: TAssessmentDetail; opened: boolean; onClose: () => void; questionnaireId?: number | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const [questionnaire, setQuestionnaire] = useState<string | null>(null);
  const [group, setGroup] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<{ questionnaire?: string; file?: string }>({});

  const upload = useMutation({
    mutationFn: () => {
      const form = new FormData();
      form.set('questionnaireId', questionnaire!);
      if (group) form.set('respondentGroupId', group);
      form.set('file', file!);
      return api.post<TResponseImportResult>('/imports/responses', form);
    },
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: assessmentKey(assessment.id) }),
        queryClient.invalidateQueries({ queryKey: ['assessment-progress', assessment.id] }),
        queryClient.invalidateQueries({ queryKey: ['assessment-estimates', assessment.id] }),
        queryClient.invalidateQueries({ queryKey: ['assessment-recipients', assessment.id] }),
        queryClient.invalidateQueries({ queryKey: ['questionnaire'] }),
        queryClient.invalidateQueries({ queryKey: ['analysis'] }),
      ]);
    },
  });

  useEffect(() => {
    if (!opened) return;
    const only = assessment.questionnaires.length === 1 ? String(assessment.questionnaires[0]!.id) : null;
    setQuestionnaire(questionnaireId ? String(questionnaireId) : only);
    setGroup(null);
    setFile(null);
    setErrors({});
    upload.reset();
  }, [opened]);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (!questionnaire) next.questionnaire = t('common.fieldErrors.required');
    if (!file) next.file = t('assessments.questionnaires.fileRequired');
    setErrors(next);
    if (Object.keys(next).length === 0) upload.mutate();
  };

  const rejected = upload.error instanceof ApiError && upload.error.code === 'import.rejected' ? upload.error.problem : null;
  const rows = upload.data?.rows;
  const duplicates = upload.data?.duplicates ?? 0;
  // The server writes no dataset when every response in the file was stored before.
  const nothingNew = upload.isSuccess && upload.data?.datasetId === null;

  return (
    <Modal opened={opened} onClose={onClose} title={t('assessments.questionnaires.importResponsesTitle')} size="xl">
      <form onSubmit={submit} noValidate data-testid="import-responses-form">
        <Stack gap="sm">
          <Text size="sm">{t('assessments.questionnaires.importResponsesIntro')}</Text>
          <Select
            label={t('assessments.questionnaires.questionnaire')}
            required
            allowDeselect={false}
            data={assessment.questionnaires.map((q) => ({ value: String(q.id), label: q.title }))}
            value={questionnaire}
            onChange={setQuestionnaire}
            error={errors.questionnaire}
            data-testid="import-responses-questionnaire"
          />
          <Select
            label={t('assessments.questionnaires.defaultGroup')}
            description={t('assessments.questionnaires.defaultGroupHint')}
            clearable
            data={assessment.groups.map((g) => ({ value: String(g.id), label: g.name }))}
            value={group}
            onChange={setGroup}
            data-testid="import-responses-group"
          />
          <FileInput
            label={t('assessments.questionnaires.file')}
            description={t('assessments.questionnaires.fileHint')}
            required
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            leftSection={<IconFileUpload size={16} aria-hidden />}
            value={file}
            onChange={(f) => {
              setFile(f);
              upload.reset();
            }}
            clearable
            clearButtonProps={{ 'aria-label': t('imports.form.clearFile') }}
            error={errors.file}
            data-testid="import-responses-file"
          />
          {upload.isSuccess ? (
            <Alert color={SUCCESS_COLOUR} variant="light" icon={<IconCircleCheck aria-hidden />} role="status" data-testid="import-responses-done">
              {nothingNew
                ? t('assessments.questionnaires.nothingNew')
                : rows !== undefined
                  ? t('assessments.questionnaires.imported', { count: rows, formatted: fmt.number(rows) })
                  : t('assessments.questionnaires.importedNoCount')}
              {duplicates > 0 ? (
                <Text size="sm" mt={4} data-testid="import-responses-duplicates">
                  {t('assessments.questionnaires.duplicatesLeftOut', { count: duplicates, formatted: fmt.number(duplicates) })}
                </Text>
              ) : null}
            </Alert>
          ) : null}
          {rejected ? <ImportReport problem={rejected} fileName={file?.name ?? null} /> : <ErrorAlert error={upload.error} />}
          <DialogActions
            onCancel={onClose}
            cancelLabel={t(upload.isSuccess ? 'common.close' : 'common.cancel')}
            submit
            confirmLabel={t('assessments.questionnaires.importResponses')}
            confirmTestId="import-responses-submit"
            loading={upload.isPending}
            disabled={upload.isSuccess}
          />
        </Stack>
      </form>
    </Modal>
  );
}
