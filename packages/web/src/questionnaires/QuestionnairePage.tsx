import { useEffect, useMemo, useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Loader, Modal, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconChartBar, IconDeviceFloppy, IconPencil } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useBlocker, useParams, useSearchParams } from 'react-router';
import { COUNTRY_LANGUAGE } from '@potreby/i18n';
import type { TAssessmentDetail } from '@potreby/server/assessments/schema';
import type { TQuestionnaireDetail } from '@potreby/server/surveys/schema';
import type { TTerritoryDetail } from '@potreby/server/territories/schema';
import { api } from '../api/client';
import { useFormat } from '../app/format';
import { DemoBadge } from '../components/DemoBadge';
import { DialogActions } from '../components/DialogActions';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageTitle } from '../components/PageTitle';
import { WARNING_COLOUR } from './colours';
import { CollectionPanel } from './CollectionPanel';
import { DesignEditor } from './DesignEditor';
import { languageName } from './languages';
import { PaperEntry } from './PaperEntry';
import { checkDraft, parseDefinition, toDefinition, type TDraft } from './survey-definition';
import { SurveyPreview } from './SurveyPreview';
import { TagsPanel } from './TagsPanel';
import { VersionsPanel } from './VersionsPanel';

const TABS = ['design', 'preview', 'tags', 'collection', 'paper', 'versions'] as const;
type TTab = (typeof TABS)[number];

/**
 * One questionnaire: design it (pages, questions, groups, in each of its languages), preview
 * it, tag what its questions tell, collect answers through public links or paper forms, and see
 * its versions.
 */
export function QuestionnairePage() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const tab: TTab = TABS.includes(params.get('tab') as TTab) ? (params.get('tab') as TTab) : 'design';

  const detail = useQuery({
    queryKey: ['questionnaire', id],
    queryFn: () => api.get<TQuestionnaireDetail>(`/questionnaires/${id}`),
    enabled: Number.isFinite(id),
    // Counts of answers come in while the collection is open.
    refetchInterval: tab === 'collection' ? 15_000 : false,
  });
  const q = detail.data;
  const assessment = useQuery({
    queryKey: ['assessment', q?.assessmentId],
    queryFn: () => api.get<TAssessmentDetail>(`/assessments/${q!.assessmentId}`),
    enabled: q?.assessmentId != null,
  });
  const territory = useQuery({
    queryKey: ['territory', q?.territoryId],
    queryFn: () => api.get<TTerritoryDetail>(`/territories/${q!.territoryId}`),
    enabled: q?.territoryId != null,
    staleTime: 5 * 60_000,
  });
  const country = territory.data?.territory.country ?? assessment.data?.territory.country ?? null;
  const settled = !!q && (q.assessmentId === null || !assessment.isPending) && (q.territoryId === null || !territory.isPending);

  // The language a questionnaire without texts starts in: the assessment's, else the country's.
  const fallbackLanguage = assessment.data?.language ?? (country ? COUNTRY_LANGUAGE[country as keyof typeof COUNTRY_LANGUAGE] : undefined) ?? i18n.language;

  const [draft, setDraft] = useState<TDraft | null>(null);
  const [baseline, setBaseline] = useState<string>('');
  const [attempt, setAttempt] = useState(0);
  const [tagsDirty, setTagsDirty] = useState(false);
  const [renaming, setRenaming] = useState<string | null>(null);

  useEffect(() => {
    if (!settled || draft) return;
    const parsed = parseDefinition(q.definition, q.languages, fallbackLanguage);
    setDraft(parsed);
    setBaseline(JSON.stringify(toDefinition(parsed)));
  }, [settled]);

  const definition = useMemo(() => (draft ? toDefinition(draft) : null), [draft]);
  const designDirty = definition !== null && JSON.stringify(definition) !== baseline;
  const dirty = designDirty || tagsDirty;
  const problems = useMemo(() => (draft ? checkDraft(draft) : []), [draft]);
  const saved = useMemo(() => (q ? parseDefinition(q.definition, q.languages, fallbackLanguage) : null), [q?.definition, q?.languages, fallbackLanguage]);

  // Leaving with unsaved changes asks first: inside the app, and when closing or reloading the tab.
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const saveVersion = useMutation({
    mutationFn: (body: { definition: Record<string, unknown>; snapshot: string }) => api.post<TQuestionnaireDetail>(`/questionnaires/${id}/versions`, { definition: body.definition }),
    onSuccess: (next, body) => {
      queryClient.setQueryData(['questionnaire', id], next);
      void queryClient.invalidateQueries({ queryKey: ['assessment'] });
      setBaseline(body.snapshot);
      setAttempt(0);
      notifications.show({ color: 'teal', message: t('designer.savedVersion', { version: next.currentVersion }) });
    },
  });
  const rename = useMutation({
    mutationFn: (title: string) => api.put<TQuestionnaireDetail>(`/questionnaires/${id}`, { title }),
    onSuccess: (next) => {
      if (next && typeof next === 'object' && 'id' in next) queryClient.setQueryData(['questionnaire', id], next);
      else void queryClient.invalidateQueries({ queryKey: ['questionnaire', id] });
      void queryClient.invalidateQueries({ queryKey: ['assessment'] });
      setRenaming(null);
    },
  });

  const save = () => {
    if (!definition) return;
    setAttempt((a) => a + 1);
    if (problems.length) return;
    saveVersion.mutate({ definition, snapshot: JSON.stringify(definition) });
  };

  if (!Number.isFinite(id)) return <ErrorAlert error={new Error('not found')} />;
  if (detail.error) return <ErrorAlert error={detail.error} />;
  if (!q || !draft || !saved || !definition) return <Loader role="status" aria-label={t('common.loading')} />;

  const readOnly = !q.editable;
  const groups = assessment.data?.groups ?? [];

  return (
    <>
      {q.assessmentId !== null ? (
        <Anchor component={Link} to={`/assessments/${q.assessmentId}`} size="sm" mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }} data-testid="back-to-assessment">
          <IconArrowLeft size={14} aria-hidden />
          {assessment.data ? <span lang={assessment.data.language}>{assessment.data.title}</span> : t('designer.backToAssessment')}
        </Anchor>
      ) : null}
      <PageTitle title={q.title} lang={q.languages[0] ?? assessment.data?.language}>
        {q.demo ? <DemoBadge kind="illustrative" /> : null}
        {!readOnly ? (
          <Button variant="default" size="xs" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setRenaming(q.title)} data-testid="rename-questionnaire">
            {t('designer.rename')}
          </Button>
        ) : null}
        <Button component={Link} to={`/questionnaires/${id}/analysis`} variant="default" size="xs" leftSection={<IconChartBar size={14} aria-hidden />} data-testid="open-analysis">
          {t('designer.analysis')}
        </Button>
      </PageTitle>
      <Group gap="xs" mb="md" data-testid="questionnaire-summary">
        <Badge variant="light">{t('designer.versionN', { version: q.currentVersion })}</Badge>
        <Text size="sm">{q.languages.map(languageName).join(', ') || languageName(draft.languages[0]!)}</Text>
        <Text size="sm" c="gray.7" data-testid="questionnaire-responses">
          {t('designer.responses', { count: q.responses, formatted: fmt.number(q.responses) })}
        </Text>
      </Group>

      <Tabs value={tab} onChange={(v) => v && setParams({ tab: v }, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="design" data-testid="tab-design">
            {t('designer.tabs.design')}
            {designDirty ? ' •' : ''}
          </Tabs.Tab>
          <Tabs.Tab value="preview" data-testid="tab-preview">
            {t('designer.tabs.preview')}
          </Tabs.Tab>
          <Tabs.Tab value="tags" data-testid="tab-tags">
            {t('designer.tabs.tags')}
            {tagsDirty ? ' •' : ''}
          </Tabs.Tab>
          <Tabs.Tab value="collection" data-testid="tab-collection">
            {t('designer.tabs.collection')}
          </Tabs.Tab>
          {!readOnly ? (
            <Tabs.Tab value="paper" data-testid="tab-paper">
              {t('designer.tabs.paper')}
            </Tabs.Tab>
          ) : null}
          <Tabs.Tab value="versions" data-testid="tab-versions">
            {t('designer.tabs.versions')}
          </Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="design">
          <Stack gap="md">
            {!readOnly ? (
              <Group
                justify="space-between"
                wrap="wrap"
                gap="sm"
                p="xs"
                style={{ position: 'sticky', top: 60, zIndex: 5, background: 'var(--mantine-color-body)', borderBottom: '1px solid var(--mantine-color-gray-3)' }}
              >
                <Text size="sm" c="gray.7" maw={640}>
                  {t('designer.versionNote')}
                </Text>
                <Group gap="sm">
                  {designDirty ? (
                    <Text size="sm" c={WARNING_COLOUR} data-testid="unsaved">
                      {t('designer.unsaved')}
                    </Text>
                  ) : null}
                  <Button leftSection={<IconDeviceFloppy size={16} aria-hidden />} onClick={save} loading={saveVersion.isPending} disabled={!designDirty} data-testid="save-version">
                    {t('designer.saveVersion')}
                  </Button>
                </Group>
              </Group>
            ) : (
              <Alert color="gray" variant="light">
                {t('designer.readOnly')}
              </Alert>
            )}
            {attempt > 0 && problems.length ? (
              <Alert color="red" variant="light" role="alert" data-testid="design-problems">
                {t('designer.fixFirst', { count: problems.length })}
              </Alert>
            ) : null}
            <ErrorAlert error={saveVersion.error} />
            <DesignEditor draft={draft} onChange={(update) => setDraft((d) => (d ? update(d) : d))} problems={problems} showAll={attempt > 0} attempt={attempt} readOnly={readOnly} />
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="preview">
          <SurveyPreview definition={definition} languages={draft.languages} />
        </Tabs.Panel>

        <Tabs.Panel value="tags">
          {designDirty ? (
            <Alert color="orange" variant="light" mb="md" data-testid="tags-draft-note">
              {t('tags.draftNote')}
            </Alert>
          ) : null}
          <TagsPanel questionnaire={q} saved={saved} country={country} onDirtyChange={setTagsDirty} />
        </Tabs.Panel>

        <Tabs.Panel value="collection">
          <CollectionPanel questionnaire={q} groups={groups} />
        </Tabs.Panel>

        {!readOnly ? (
          <Tabs.Panel value="paper">
            {designDirty ? (
              <Alert color="orange" variant="light" mb="md">
                {t('collection.paper.draftNote')}
              </Alert>
            ) : null}
            <PaperEntry questionnaire={q} groups={groups} />
          </Tabs.Panel>
        ) : null}

        <Tabs.Panel value="versions">
          <VersionsPanel questionnaire={q} />
        </Tabs.Panel>
      </Tabs>

      <Modal opened={renaming !== null} onClose={() => setRenaming(null)} title={t('designer.rename')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (renaming?.trim()) rename.mutate(renaming.trim());
          }}
        >
          <Stack>
            <TextInput label={t('designer.titleLabel')} value={renaming ?? ''} onChange={(e) => setRenaming(e.currentTarget.value)} required data-autofocus data-testid="rename-input" />
            <ErrorAlert error={rename.error} />
            <DialogActions onCancel={() => setRenaming(null)} submit confirmTestId="rename-save" loading={rename.isPending} />
          </Stack>
        </form>
      </Modal>

      <Modal opened={blocker.state === 'blocked'} onClose={() => blocker.reset?.()} title={t('designer.leaveTitle')}>
        <Stack>
          <Text data-testid="leave-message">{t('designer.leaveText')}</Text>
          <DialogActions
            onCancel={() => blocker.reset?.()}
            cancelLabel={t('designer.stay')}
            cancelTestId="leave-stay"
            onConfirm={() => blocker.proceed?.()}
            confirmLabel={t('designer.leave')}
            confirmTestId="leave-anyway"
            danger
          />
        </Stack>
      </Modal>
    </>
  );
}
