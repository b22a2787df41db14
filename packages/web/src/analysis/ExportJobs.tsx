import { useState } from 'react';
import { Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TJob } from '@potreby/server/surveys/schema';
import { api } from '../api/client';
import { useFormat } from '../app/format';
import { ErrorAlert } from '../components/ErrorAlert';
import { SUCCESS_COLOUR } from '../questionnaires/colours';

type What = 'responses' | 'stats';
type Format = 'csv' | 'xlsx';
type StartedJob = { id: string; what: What; format: Format };

const EXPORTS: { what: What; format: Format }[] = [
  { what: 'responses', format: 'xlsx' },
  { what: 'responses', format: 'csv' },
  { what: 'stats', format: 'xlsx' },
  { what: 'stats', format: 'csv' },
];

/**
 * Raw responses and the tables as CSV or XLSX, made by a background job on the server: the page
 * stays usable, the job's progress shows, and the file is offered when it is ready.
 */
export function ExportJobs({ questionnaireId }: { questionnaireId: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [jobs, setJobs] = useState<StartedJob[]>([]);
  const start = useMutation({
    mutationFn: ({ what, format }: { what: What; format: Format }) => api.post<TJob>(`/questionnaires/${questionnaireId}/exports`, { what, format, language: fmt.language }),
    onSuccess: (job, { what, format }) => setJobs((prev) => [{ id: job.id, what, format }, ...prev]),
  });

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="exports-title">
      <Title order={2} size="h4" mb="xs" id="exports-title">
        {t('analysis.exportsTitle')}
      </Title>
      <Text size="sm" mb="sm" maw={820}>
        {t('analysis.exportsIntro')}
      </Text>
      <Group gap="xs" wrap="wrap" mb="sm">
        {EXPORTS.map(({ what, format }) => (
          <Button
            key={`${what}-${format}`}
            size="xs"
            variant="default"
            leftSection={<IconFileSpreadsheet size={14} aria-hidden />}
            loading={start.isPending && start.variables?.what === what && start.variables.format === format}
            onClick={() => start.mutate({ what, format })}
            data-testid={`export-${what}-${format}`}
          >
            {t(`analysis.exportWhat.${what}`, { format: format.toUpperCase() })}
          </Button>
        ))}
      </Group>
      <ErrorAlert error={start.error} />
      {jobs.length > 0 ? (
        <Stack gap="xs" data-testid="export-jobs">
          {jobs.map((job) => (
            <JobRow key={job.id} job={job} />
          ))}
        </Stack>
      ) : null}
    </Paper>
  );
}

function JobRow({ job }: { job: StartedJob }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  // Poll while the job works; stop once it is done or failed.
  const status = useQuery({
    queryKey: ['job', job.id],
    queryFn: () => api.get<TJob>(`/jobs/${job.id}`),
    refetchInterval: (q) => (q.state.data && (q.state.data.state === 'done' || q.state.data.state === 'failed') ? false : 1000),
    staleTime: 0,
  });
  const state = status.data?.state ?? 'waiting';
  const progress = status.data?.progress ?? 0;
  const name = t(`analysis.exportWhat.${job.what}`, { format: job.format.toUpperCase() });

  return (
    <Paper withBorder p="xs" data-testid="export-job" data-state={state}>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ flex: 1, minWidth: 220 }}>
          <Text size="sm" fw={600}>
            {name}
          </Text>
          {state === 'done' ? (
            <Group gap={4}>
              <IconCircleCheck size={16} color="var(--mantine-color-teal-9)" aria-hidden />
              <Text size="sm" c={SUCCESS_COLOUR} role="status">
                {t('analysis.jobDone')}
              </Text>
            </Group>
          ) : state === 'failed' ? (
            <Group gap={4} role="alert">
              <IconAlertTriangle size={16} color="var(--mantine-color-red-9)" aria-hidden />
              <Text size="sm" c="red.9">
                {t('analysis.jobFailed')}
              </Text>
            </Group>
          ) : (
            <>
              <Text size="xs" c="gray.7">
                {t(state === 'waiting' ? 'analysis.jobWaiting' : 'analysis.jobRunning', { percent: fmt.percent(progress) })}
              </Text>
              <Progress value={Math.round(progress * 100)} animated={state === 'running'} striped aria-label={t('analysis.jobProgress', { what: name })} data-testid="export-job-progress" />
            </>
          )}
          <ErrorAlert error={status.error} />
        </Stack>
        {state === 'done' ? (
          <Button
            component="a"
            href={`/api/v1/jobs/${encodeURIComponent(job.id)}/file`}
            download={status.data?.fileName ?? true}
            size="xs"
            leftSection={<IconDownload size={14} aria-hidden />}
            aria-label={t('common.downloadAs', { what: status.data?.fileName ?? name, format: job.format.toUpperCase() })}
            data-testid="export-job-download"
          >
            {t('analysis.download')}
          </Button>
        ) : null}
      </Group>
    </Paper>
  );
}
