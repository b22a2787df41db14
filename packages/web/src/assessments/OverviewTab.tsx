import { useState } from 'react';
import { Anchor, Button, Grid, Group, Loader, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ASSESSMENT_STATUSES, type TAssessmentInput } from '@potreby/domain';
import type { TAssessmentDetail } from '@potreby/server/assessments/schema';
import { api } from '../api/client';
import { useFormat } from '../app/format';
import { useNames } from '../app/names';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorAlert } from '../components/ErrorAlert';
import { AssessmentForm } from './AssessmentForm';
import { AssessmentText } from './AssessmentText';
import type { TSection } from './AssessmentPage';
import { assessmentInput, useEstimates, useProgress, useUpdateAssessment } from './assessment-queries';
import { DocumentLinks, type TDocument } from './DocumentLinks';
import { useIntervalText } from './NeedsTab';
import { ResponseProgress } from './ResponseProgress';
import { ScrollTable } from '../components/ScrollTable';

const DOCUMENTS: TDocument[] = ['plan', 'report', 'passport'];
const TOP_NEEDS = 5;

/** The assessment at a glance: details and status, its documents, and a summary of what is known so far. */
export function OverviewTab({ assessment: a, onOpen }: { assessment: TAssessmentDetail; onOpen: (section: TSection) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = useNames();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const update = useUpdateAssessment(a.id);

  return (
    <Stack gap="md">
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder p="sm" h="100%">
            <Group justify="space-between" mb="xs">
              <Title order={2} size="h4">
                {t('assessments.overview.details')}
              </Title>
              {a.editable ? (
                <Group gap="xs">
                  <Button size="xs" variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing(true)} data-testid="edit-assessment">
                    {t('assessments.overview.editDetails')}
                  </Button>
                  <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => setDeleting(true)} data-testid="delete-assessment">
                    {t('common.delete')}
                  </Button>
                </Group>
              ) : null}
            </Group>
            <SimpleGrid cols={2} spacing="xs" verticalSpacing={6} component="dl" style={{ margin: 0 }}>
              <Text component="dt" size="sm" c="gray.7">
                {t('assessments.territory')}
              </Text>
              <Text component="dd" size="sm" m={0} lang={names.territoryLang(a.territory)}>
                {names.territory(a.territory)}
              </Text>
              <Text component="dt" size="sm" c="gray.7">
                {t('assessments.period')}
              </Text>
              <Text component="dd" size="sm" m={0}>
                {t('assessments.periodRange', { from: fmt.date(a.periodFrom), to: fmt.date(a.periodTo) })}
              </Text>
              <Text component="dt" size="sm" c="gray.7">
                {t('assessments.year')}
              </Text>
              <Text component="dd" size="sm" m={0}>
                {a.year}
              </Text>
              <Text component="dt" size="sm" c="gray.7">
                {t('assessments.language')}
              </Text>
              <Text component="dd" size="sm" m={0}>
                {names.languageName(a.language)}
              </Text>
            </SimpleGrid>
            {a.editable ? (
              <Select
                mt="sm"
                maw={280}
                label={t('assessments.status')}
                description={t('assessments.overview.statusHint')}
                allowDeselect={false}
                data={ASSESSMENT_STATUSES.map((s) => ({ value: s, label: t(`assessments.statuses.${s}`) }))}
                value={a.status}
                disabled={update.isPending}
                onChange={(status) =>
                  status &&
                  update.mutate(assessmentInput(a, { status: status as TAssessmentInput['status'] }), {
                    onSuccess: () => notifications.show({ color: 'teal', message: t('assessments.overview.statusChanged', { status: t(`assessments.statuses.${status}`) }) }),
                  })
                }
                data-testid="overview-status"
              />
            ) : null}
            <ErrorAlert error={update.error} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder p="sm" h="100%">
            <Title order={2} size="h4" mb="xs">
              {t('assessments.overview.documents')}
            </Title>
            <Text size="sm" mb="xs">
              {t('assessments.overview.documentsHint', { language: names.languageName(a.language, { inSentence: true }) })}
            </Text>
            <Table verticalSpacing={6} fz="sm" data-testid="documents-table">
              <Table.Tbody>
                {DOCUMENTS.map((d) => (
                  <Table.Tr key={d}>
                    <Table.Th scope="row" fw={500}>
                      {t(`assessments.documents.${d}`)}
                    </Table.Th>
                    <Table.Td>
                      <Group justify="flex-end">
                        <DocumentLinks assessmentId={a.id} document={d} />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </Grid.Col>
      </Grid>

      <Paper withBorder p="sm">
        <Title order={2} size="h4" mb="sm">
          {t('assessments.overview.summary')}
        </Title>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <RespondentsSummary assessment={a} onOpen={onOpen} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <NeedsSummary assessment={a} onOpen={onOpen} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 3 }}>
            <Title order={3} size="h5" mb={6}>
              {t('assessments.overview.findings')}
            </Title>
            <Text size="sm" data-testid="overview-findings">
              {t('assessments.overview.findingsCount', { count: a.findings.length, formatted: fmt.number(a.findings.length) })}
            </Text>
            <Text size="sm" c="gray.7">
              {t('assessments.overview.topicsCount', { count: new Set(a.findings.map((f) => f.topic)).size })}
            </Text>
            <Anchor component="button" type="button" size="sm" onClick={() => onOpen('findings')} mt={4}>
              {t('assessments.overview.openFindings')}
            </Anchor>
          </Grid.Col>
        </Grid>
      </Paper>

      <Paper withBorder p="sm">
        <Title order={2} size="h4" mb="xs">
          {t('assessments.overview.conclusionsTitle')}
        </Title>
        <Text size="sm" mb="sm" maw={820}>
          {t('assessments.overview.conclusionsIntro')}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <AssessmentText assessment={a} field="conclusions" label={t('assessments.overview.conclusions')} testId="conclusions" />
          <AssessmentText assessment={a} field="recommendations" label={t('assessments.overview.recommendations')} testId="recommendations" />
        </SimpleGrid>
      </Paper>

      <AssessmentForm opened={editing} assessment={a} onClose={() => setEditing(false)} />
      <DeleteAssessment assessment={a} opened={deleting} onClose={() => setDeleting(false)} />
    </Stack>
  );
}

function RespondentsSummary({ assessment: a, onOpen }: { assessment: TAssessmentDetail; onOpen: (section: TSection) => void }) {
  const { t } = useTranslation();
  const progress = useProgress(a.id, false);
  const live = new Map((progress.data?.groups ?? []).map((g) => [g.id, g.responses]));
  const target = a.groups.reduce((s, g) => s + g.targetRespondents, 0);
  return (
    <Stack gap={6}>
      <Title order={3} size="h5">
        {t('assessments.overview.respondents')}
      </Title>
      <ResponseProgress responses={progress.data?.total ?? a.responses} target={target} label={t('dataMethods.total')} testId="overview-total-progress" />
      {a.groups.map((g) => (
        <Stack key={g.id} gap={0}>
          <Text size="xs" c="gray.8" lang={a.language}>
            {g.name}
          </Text>
          <ResponseProgress responses={live.get(g.id) ?? g.responses} target={g.targetRespondents} label={g.name} />
        </Stack>
      ))}
      {a.groups.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('dataMethods.groupsEmpty')}
        </Text>
      ) : null}
      <Anchor component="button" type="button" size="sm" onClick={() => onOpen('methods')} ta="left">
        {t('assessments.overview.openGroups')}
      </Anchor>
    </Stack>
  );
}

function NeedsSummary({ assessment: a, onOpen }: { assessment: TAssessmentDetail; onOpen: (section: TSection) => void }) {
  const { t } = useTranslation();
  const names = useNames();
  const interval = useIntervalText();
  const estimates = useEstimates(a.id);
  const top = [...(estimates.data?.items ?? [])].sort((x, y) => y.need - x.need).slice(0, TOP_NEEDS);
  return (
    <Stack gap={6}>
      <Title order={3} size="h5">
        {t('assessments.overview.topNeeds')}
      </Title>
      <ErrorAlert error={estimates.error} />
      {estimates.isLoading ? <Loader size="sm" role="status" aria-label={t('common.loading')} /> : null}
      {estimates.data && top.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('needs.empty')}
        </Text>
      ) : null}
      {top.length > 0 ? (
        <ScrollTable label={t('assessments.overview.topNeeds')}>
          <Table verticalSpacing={4} fz="sm" data-testid="overview-needs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('needs.serviceType')}</Table.Th>
                <Table.Th scope="col" className="num">
                  {t('needs.needInterval')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {top.map((e) => (
                <Table.Tr key={`${e.serviceType}-${e.questionnaireId}-${e.questionName}`}>
                  <Table.Td>{names.serviceType(e.serviceType)}</Table.Td>
                  <Table.Td className="num">{interval.people(e.need, e.needLow, e.needHigh)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      ) : null}
      <Anchor component="button" type="button" size="sm" onClick={() => onOpen('needs')} ta="left">
        {t('assessments.overview.openNeeds')}
      </Anchor>
    </Stack>
  );
}

function DeleteAssessment({ assessment, opened, onClose }: { assessment: TAssessmentDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => api.delete(`/assessments/${assessment.id}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['assessments'] });
      notifications.show({ color: 'teal', message: t('assessments.deletedAssessment', { title: assessment.title }) });
      navigate('/assessments');
    },
  });
  return (
    <ConfirmDialog
      opened={opened}
      onClose={onClose}
      title={t('assessments.deleteTitle')}
      question={t('assessments.deleteConfirm', { title: assessment.title })}
      error={remove.error}
      onConfirm={() => remove.mutate()}
      confirmLabel={t('common.delete')}
      confirmTestId="confirm-delete-assessment"
      loading={remove.isPending}
      danger
    />
  );
}
