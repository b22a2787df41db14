import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Box, Button, Group, NativeSelect, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Model } from 'survey-core';
import { Survey } from 'survey-react-ui';
import type { TPaperResponse } from '@potreby/domain';
import type { TAssessmentDetail } from '@potreby/server/assessments/schema';
import type { TQuestionnaireDetail } from '@potreby/server/surveys/schema';
import { api } from '../api/client';
import { useFormat } from '../app/format';
import { ErrorAlert } from '../components/ErrorAlert';
import { languageName } from './languages';
import { makeSurveyModel, newSubmissionKey } from './survey-model';

type TGroup = TAssessmentDetail['groups'][number];
const NO_GROUP = 'none';

/**
 * Staff type in questionnaires answered on paper, with the same form. Each paper form gets its
 * own submission key when it is started, so sending it again after an error stores it once;
 * after it is stored an empty form follows for the next one.
 */
export function PaperEntry({ questionnaire, groups }: { questionnaire: TQuestionnaireDetail; groups: TGroup[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const languages = questionnaire.languages.length ? questionnaire.languages : [String(questionnaire.definition.locale ?? 'en')];
  const [language, setLanguage] = useState(languages[0]!);
  const [group, setGroup] = useState<string | null>(groups.length === 0 ? NO_GROUP : null);
  const [formKey, setFormKey] = useState(newSubmissionKey);
  const [entered, setEntered] = useState(0);
  const [failed, setFailed] = useState<TPaperResponse | null>(null);
  const previous = useRef<Model | null>(null);

  const model = useMemo(() => {
    const m = makeSurveyModel(questionnaire.definition, language, languages);
    // A language switch in the middle of a form keeps what was typed.
    if (previous.current && (previous.current as Model & { potrebyKey?: string }).potrebyKey === formKey) m.data = previous.current.data;
    (m as Model & { potrebyKey?: string }).potrebyKey = formKey;
    previous.current = m;
    return m;
  }, [questionnaire.definition, language, formKey]);

  const send = useMutation({
    mutationFn: (body: TPaperResponse) => api.post<{ duplicate: boolean }>(`/questionnaires/${questionnaire.id}/responses`, body),
    onSuccess: async () => {
      setFailed(null);
      setEntered((n) => n + 1);
      setFormKey(newSubmissionKey());
      notifications.show({ color: 'teal', message: t('collection.paper.stored') });
      await queryClient.invalidateQueries({ queryKey: ['questionnaire', questionnaire.id] });
      void queryClient.invalidateQueries({ queryKey: ['assessment'] });
      document.getElementById('paper-form-top')?.focus();
    },
    onError: (_error, body) => setFailed(body),
  });

  useEffect(() => {
    const onComplete = (sender: Model) => {
      send.mutate({ submissionKey: formKey, respondentGroupId: group === NO_GROUP || group === null ? null : Number(group), answers: sender.data as Record<string, unknown> });
    };
    model.onComplete.add(onComplete);
    return () => model.onComplete.remove(onComplete);
  }, [model, group, formKey]);

  const groupChosen = group !== null;

  return (
    <Stack gap="md" data-testid="paper-entry">
      <Paper withBorder p="sm">
        <Title order={2} size="h4" mb={4}>
          {t('collection.paper.title')}
        </Title>
        <Text size="sm" c="gray.7" mb="sm">
          {t('collection.paper.intro')}
        </Text>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label={t('collection.paper.group')}
            placeholder={t('collection.pickGroup')}
            data={[...groups.map((g) => ({ value: String(g.id), label: g.name })), { value: NO_GROUP, label: t('collection.noGroup') }]}
            value={group}
            onChange={setGroup}
            required
            w={320}
            comboboxProps={{ withinPortal: true }}
            data-testid="paper-group"
          />
          {languages.length > 1 ? (
            <NativeSelect
              label={t('collection.paper.language')}
              value={language}
              onChange={(e) => setLanguage(e.currentTarget.value)}
              data={languages.map((l) => ({ value: l, label: languageName(l) }))}
              w={200}
              data-testid="paper-language"
            />
          ) : null}
        </Group>
        <Group gap="lg" mt="sm" role="status" aria-live="polite">
          <Text size="sm" data-testid="paper-entered">
            {t('collection.paper.entered', { count: entered, formatted: fmt.number(entered) })}
          </Text>
          <Text size="sm" data-testid="paper-total">
            {t('collection.paper.total', { count: questionnaire.responses, formatted: fmt.number(questionnaire.responses) })}
          </Text>
        </Group>
      </Paper>

      {failed ? (
        <Stack gap="xs">
          <ErrorAlert error={send.error} title={t('collection.paper.notStored')} />
          <Group>
            <Button leftSection={<IconSend size={16} aria-hidden />} loading={send.isPending} onClick={() => send.mutate(failed)} data-testid="paper-retry">
              {t('collection.paper.retry')}
            </Button>
          </Group>
        </Stack>
      ) : null}

      {groupChosen ? (
        <Paper withBorder p="sm">
          <Text id="paper-form-top" tabIndex={-1} size="sm" fw={600} mb="xs" style={{ outline: 'none' }} data-testid="paper-form-number">
            {t('collection.paper.formNumber', { n: fmt.number(entered + 1) })}
          </Text>
          <Box className="potreby-survey" lang={language} data-testid="paper-form">
            <Survey key={formKey} model={model} />
          </Box>
        </Paper>
      ) : (
        <Alert color="blue" variant="light" data-testid="paper-pick-group">
          {t('collection.paper.pickGroupFirst')}
        </Alert>
      )}
    </Stack>
  );
}
