import { useEffect, useState } from 'react';
import { Badge, Button, Chip, Group, Loader, Paper, Select, Stack, TagsInput, Text, Title } from '@mantine/core';
import { IconTag } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFreeText, TStats } from '@potreby/server/surveys/schema';
import { api } from '../api/client';
import { useFormat } from '../app/format';
import { ErrorAlert } from '../components/ErrorAlert';
import { Pager } from '../components/Pager';
import { isFreeText, textIn } from './question-text';

const PAGE_SIZE = 20;
type TAnswer = TFreeText['answers'][number];

/** The answers to an open question, a page at a time; each can be tagged, and the list filtered by tag. */
export function FreeTextAnswers({
  questionnaireId,
  questions,
  editable,
  filters,
}: {
  questionnaireId: number;
  questions: TStats['questions'];
  editable: boolean;
  filters: { respondentGroupId?: number; settlementId?: number };
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const open = questions.filter((q) => isFreeText(q.type));
  const [question, setQuestion] = useState<string | null>(null);
  const [tag, setTag] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  useEffect(() => {
    if (!question && open[0]) setQuestion(open[0].name);
  }, [open.length]);
  // Other respondents: from their first page.
  useEffect(() => setPage(1), [filters.respondentGroupId, filters.settlementId]);

  const answers = useQuery({
    queryKey: ['analysis', 'free-text', questionnaireId, question, tag, page, filters],
    queryFn: () => api.get<TFreeText>(`/questionnaires/${questionnaireId}/free-text`, { question, tag, page, pageSize: PAGE_SIZE, ...filters }),
    enabled: question !== null,
    placeholderData: keepPreviousData,
  });
  const data = answers.data;
  const tags = data?.tags ?? [];

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="free-text-title">
      <Title order={2} size="h4" mb="xs" id="free-text-title">
        {t('analysis.freeTextTitle')}
      </Title>
      {open.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('analysis.noTextQuestions')}
        </Text>
      ) : (
        <Stack gap="sm">
          <Select
            label={t('analysis.freeTextQuestion')}
            searchable
            allowDeselect={false}
            w={{ base: '100%', sm: 420 }}
            data={open.map((q) => ({ value: q.name, label: textIn(q.title, fmt.language, q.name) }))}
            value={question}
            onChange={(v) => {
              setQuestion(v);
              setTag(null);
              setPage(1);
            }}
            data-testid="free-text-question"
          />
          {tags.length > 0 || tag ? (
            <Stack gap={4}>
              <Text size="sm" fw={500} id="free-text-tags-label">
                {t('analysis.filterByTag')}
              </Text>
              <Chip.Group
                value={tag ?? ''}
                onChange={(v) => {
                  setTag(typeof v === 'string' && v !== '' ? v : null);
                  setPage(1);
                }}
              >
                <Group gap={6} role="group" aria-labelledby="free-text-tags-label" data-testid="free-text-tags">
                  <Chip value="" size="xs" variant="outline">
                    {t('analysis.allAnswers')}
                  </Chip>
                  {tags.map((g) => (
                    <Chip key={g.tag} value={g.tag} size="xs" variant="outline" wrapperProps={{ 'data-testid': 'free-text-tag-filter' }}>
                      {t('analysis.tagWithCount', { tag: g.tag, n: fmt.number(g.count) })}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
            </Stack>
          ) : null}
          <ErrorAlert error={answers.error} />
          {answers.isLoading ? <Loader size="sm" role="status" aria-label={t('common.loading')} /> : null}
          {data && data.answers.length === 0 ? (
            <Text size="sm" c="gray.7" data-testid="free-text-empty">
              {t('analysis.noAnswers')}
            </Text>
          ) : null}
          {data && data.answers.length > 0 ? (
            <Stack gap={0} component="ol" p={0} m={0} style={{ listStyle: 'none' }} data-testid="free-text-list">
              {data.answers.map((a) => (
                <FreeTextAnswer key={a.responseId} questionnaireId={questionnaireId} question={question!} answer={a} suggestions={tags.map((g) => g.tag)} editable={editable} />
              ))}
            </Stack>
          ) : null}
          {data ? <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage} /> : null}
        </Stack>
      )}
    </Paper>
  );
}

function FreeTextAnswer({ questionnaireId, question, answer, suggestions, editable }: { questionnaireId: number; question: string; answer: TAnswer; suggestions: string[]; editable: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [tags, setTags] = useState(answer.tags);
  const [editing, setEditing] = useState(false);
  useEffect(() => setTags(answer.tags), [answer.tags.join('\u0000')]);

  const save = useMutation({
    mutationFn: (next: string[]) => api.put(`/questionnaires/${questionnaireId}/free-text/tags`, { responseId: answer.responseId, question, tags: next }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['analysis', 'free-text', questionnaireId, question] }),
    onError: () => setTags(answer.tags),
  });

  return (
    <Stack component="li" gap={6} py="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }} data-testid="free-text-answer">
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {answer.text}
      </Text>
      <Group gap={6} wrap="wrap" align="center">
        {answer.group ? (
          <Badge variant="outline" color="gray.8" size="sm" style={{ textTransform: 'none' }}>
            {answer.group}
          </Badge>
        ) : null}
        {editable && editing ? (
          <TagsInput
            size="xs"
            label={t('analysis.tagsOf', { n: answer.responseId })}
            description={t('analysis.tagsHint')}
            data={suggestions}
            value={tags}
            onChange={(next) => {
              setTags(next);
              save.mutate(next);
            }}
            maxTags={20}
            clearable
            w={{ base: '100%', sm: 420 }}
            data-testid="free-text-tags-input"
          />
        ) : (
          <>
            {tags.map((g) => (
              <Badge key={g} variant="light" color="indigo" size="sm" leftSection={<IconTag size={11} aria-hidden />} style={{ textTransform: 'none' }} data-testid="free-text-tag">
                {g}
              </Badge>
            ))}
            {editable ? (
              <Button size="compact-xs" variant="subtle" onClick={() => setEditing(true)} leftSection={<IconTag size={12} aria-hidden />} data-testid="free-text-edit-tags">
                {t(tags.length ? 'analysis.editTags' : 'analysis.addTags')}
              </Button>
            ) : null}
          </>
        )}
        {editable && editing ? (
          <Button size="compact-xs" variant="default" onClick={() => setEditing(false)} data-testid="free-text-tags-done">
            {t('common.done')}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={save.error} />
    </Stack>
  );
}
