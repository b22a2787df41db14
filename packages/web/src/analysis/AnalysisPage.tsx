import { useEffect, useMemo, useRef } from 'react';
import { Anchor, Group, Loader, Paper, Select, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconLayoutList, IconMessage, IconTable } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { TAssessmentDetail } from '@potreby/server/assessments/schema';
import type { TQuestionnaireDetail, TStats } from '@potreby/server/surveys/schema';
import type { TTerritoryList } from '@potreby/server/territories/schema';
import { api } from '../api/client';
import { useFormat } from '../app/format';
import { useNames } from '../app/names';
import { DemoBadge } from '../components/DemoBadge';
import { ErrorAlert } from '../components/ErrorAlert';
import { Phrase, SLOT } from '../app/Phrase';
import { PageTitle } from '../components/PageTitle';
import { CrossTab } from './CrossTab';
import { ExportJobs } from './ExportJobs';
import { FreeTextAnswers } from './FreeTextAnswers';
import { QuestionStats } from './QuestionStats';

const VIEWS = [
  { key: 'questions', icon: IconLayoutList },
  { key: 'crosstab', icon: IconTable },
  { key: 'free-text', icon: IconMessage },
  { key: 'exports', icon: IconFileSpreadsheet },
] as const;
type TView = (typeof VIEWS)[number]['key'];
const isView = (v: string | null): v is TView => VIEWS.some((x) => x.key === v);

/**
 * What the answers to a questionnaire say: per question frequencies or figures, cross-tabulations
 * by group and settlement, open answers with tags, and exports. `?group=&settlement=` filter it,
 * `?view=` opens one of its parts from a link.
 */
export function AnalysisPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = useNames();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const groupId = params.get('group') ? Number(params.get('group')) : undefined;
  const settlementId = params.get('settlement') ? Number(params.get('settlement')) : undefined;
  const view: TView = isView(params.get('view')) ? (params.get('view') as TView) : 'questions';
  const filters = useMemo(() => ({ respondentGroupId: groupId, settlementId }), [groupId, settlementId]);

  const questionnaire = useQuery({ queryKey: ['questionnaire', id], queryFn: () => api.get<TQuestionnaireDetail>(`/questionnaires/${id}`) });
  const q = questionnaire.data;
  const assessment = useQuery({
    queryKey: ['assessment', q?.assessmentId],
    queryFn: () => api.get<TAssessmentDetail>(`/assessments/${q!.assessmentId}`),
    enabled: !!q?.assessmentId,
  });
  const territoryId = assessment.data?.territory.id ?? q?.territoryId ?? null;
  const settlements = useQuery({
    queryKey: ['territory-children', territoryId, 'settlements'],
    queryFn: () => api.get<TTerritoryList>('/territories', { parentId: territoryId, limit: 1000 }),
    enabled: territoryId !== null,
    staleTime: 5 * 60_000,
  });
  const stats = useQuery({
    queryKey: ['analysis', 'stats', id, filters],
    queryFn: () => api.get<TStats>(`/questionnaires/${id}/stats`, filters),
    placeholderData: keepPreviousData,
  });

  // Changes in quick succession (a tab, then a filter) build on each other: the router updates
  // the address a moment later, and a change built on the address shown would undo the first.
  const pending = useRef<URLSearchParams | null>(null);
  useEffect(() => {
    if (pending.current?.toString() === params.toString()) pending.current = null;
  }, [params]);
  const change = (apply: (next: URLSearchParams) => void, replace: boolean) => {
    const next = new URLSearchParams(pending.current ?? params);
    apply(next);
    pending.current = next;
    setParams(next, { replace });
  };

  const setFilter = (key: 'group' | 'settlement', value: string | null) =>
    change((next) => {
      if (value) next.set(key, value);
      else next.delete(key);
    }, true);

  const setView = (v: string | null) => {
    if (!isView(v)) return;
    change((next) => {
      if (v === 'questions') next.delete('view');
      else next.set('view', v);
    }, false);
  };

  if (questionnaire.isLoading) return <Loader role="status" aria-label={t('common.loading')} />;
  if (!q) {
    return (
      <>
        <PageTitle title={t('analysis.pageTitle')} />
        <ErrorAlert error={questionnaire.error} />
      </>
    );
  }

  const questions = stats.data?.questions ?? [];
  const settlementOptions = (settlements.data?.items ?? []).filter((s) => s.level === 'settlement').map((s) => ({ value: String(s.id), label: names.territory(s) }));
  settlementOptions.sort((a, b) => a.label.localeCompare(b.label, fmt.language));

  return (
    <>
      {q.assessmentId ? (
        <Anchor component={Link} to={`/assessments/${q.assessmentId}?tab=questionnaires`} size="sm" mb={4} display="inline-block">
          <Phrase text={t('analysis.backToAssessment', { title: SLOT })} lang={assessment.data?.language}>
            {assessment.data?.title ?? ''}
          </Phrase>
        </Anchor>
      ) : null}
      <PageTitle
        title={t('analysis.titleOf', { title: q.title })}
        heading={
          <Phrase text={t('analysis.titleOf', { title: SLOT })} lang={q.languages[0]}>
            {q.title}
          </Phrase>
        }
      >
        <Anchor component={Link} to={`/questionnaires/${q.id}`} size="sm">
          {t('analysis.openDesigner')}
        </Anchor>
      </PageTitle>
      <Group gap="sm" mb="md" mt={-8}>
        <Text size="sm" data-testid="analysis-respondents">
          {stats.data ? t('analysis.respondents', { count: stats.data.respondents, formatted: fmt.number(stats.data.respondents) }) : null}
        </Text>
        {q.demo ? <DemoBadge kind="illustrative" /> : null}
      </Group>

      <Stack gap="md">
        <Paper withBorder p="sm" component="section" aria-labelledby="filters-title">
          <Title order={2} size="h4" mb="xs" id="filters-title">
            {t('analysis.filtersTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" maw={760}>
            <Select
              label={t('analysis.respondentGroup')}
              placeholder={t('analysis.allGroups')}
              clearable
              data={(assessment.data?.groups ?? []).map((g) => ({ value: String(g.id), label: g.name }))}
              value={groupId ? String(groupId) : null}
              onChange={(v) => setFilter('group', v)}
              data-testid="filter-group"
            />
            <Select
              label={t('analysis.settlement')}
              placeholder={t('analysis.allSettlements')}
              clearable
              searchable
              nothingFoundMessage={t('common.nothingFound')}
              data={settlementOptions}
              value={settlementId ? String(settlementId) : null}
              onChange={(v) => setFilter('settlement', v)}
              data-testid="filter-settlement"
            />
          </SimpleGrid>
          {assessment.data ? (
            <Text size="xs" c="gray.7" mt="xs">
              {t('analysis.suppressionHint', { threshold: assessment.data.suppressionThreshold })}
            </Text>
          ) : null}
        </Paper>

        <Tabs value={view} onChange={(v) => setView(v)} keepMounted={false} data-testid="analysis-tabs">
          <Tabs.List mb="md">
            {VIEWS.map(({ key, icon: Icon }) => (
              <Tabs.Tab key={key} value={key} leftSection={<Icon size={16} aria-hidden />} data-testid={`analysis-tab-${key}`}>
                {t(`analysis.views.${key}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="questions">
            <section aria-labelledby="questions-title">
              <Group justify="space-between" mb="xs">
                <Title order={2} size="h4" id="questions-title">
                  {t('analysis.questionsTitle')}
                </Title>
                {stats.isFetching && stats.data ? (
                  <Text size="xs" c="gray.7" role="status">
                    {t('analysis.updating')}
                  </Text>
                ) : null}
              </Group>
              <ErrorAlert error={stats.error} />
              {stats.isLoading ? <Loader role="status" aria-label={t('common.loading')} /> : null}
              {stats.data && questions.length === 0 ? (
                <Text c="gray.7" ta="center" py="md" data-testid="analysis-empty">
                  {t('analysis.noQuestions')}
                </Text>
              ) : null}
              <Stack gap="sm" data-testid="analysis-questions">
                {questions
                  .filter((qs) => qs.type !== 'note')
                  .map((qs, i) => (
                    <QuestionStats key={qs.name} question={qs} index={i} defaultLanguage={q.languages[0]} />
                  ))}
              </Stack>
            </section>
          </Tabs.Panel>
          <Tabs.Panel value="crosstab">{stats.data ? <CrossTab questionnaireId={q.id} questions={questions} filters={filters} /> : null}</Tabs.Panel>
          <Tabs.Panel value="free-text">{stats.data ? <FreeTextAnswers questionnaireId={q.id} questions={questions} editable={q.editable} filters={filters} /> : null}</Tabs.Panel>
          <Tabs.Panel value="exports">
            <ExportJobs questionnaireId={q.id} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </>
  );
}
