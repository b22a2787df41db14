import { useMemo, useState } from 'react';
import { Badge, Blockquote, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconQuote } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TAssessmentDetail } from '@potreby/server/assessments/schema';
import { useNames } from '../app/names';
import { DeletePart } from './DeletePart';
import { FindingForm } from './FindingForm';
import { PartActions, PartList } from './PartList';

type TFinding = TAssessmentDetail['findings'][number];

/** Qualitative findings from interviews and focus groups, grouped by topic; they go into the assessment report. */
export function FindingsTab({ assessment }: { assessment: TAssessmentDetail }) {
  const { t } = useTranslation();
  const names = useNames();
  const [editing, setEditing] = useState<{ finding: TFinding | null } | null>(null);
  const [deleting, setDeleting] = useState<TFinding | null>(null);
  const groupName = new Map(assessment.groups.map((g) => [g.id, g.name]));

  const byTopic = useMemo(() => {
    const topics = new Map<string, TFinding[]>();
    for (const f of assessment.findings) topics.set(f.topic, [...(topics.get(f.topic) ?? []), f]);
    return [...topics.entries()].sort(([a], [b]) => a.localeCompare(b, names.language));
  }, [assessment.findings, names.language]);

  return (
    <Stack gap="md">
      <PartList
        title={t('findings.title')}
        add={assessment.editable ? { label: t('findings.add'), testId: 'add-finding', onClick: () => setEditing({ finding: null }) } : undefined}
        intro={
          <Text size="sm" maw={820}>
            {t('findings.intro')}
          </Text>
        }
        empty={byTopic.length === 0 ? { text: t('findings.empty'), testId: 'findings-empty' } : undefined}
      />
      {byTopic.map(([topic, findings]) => (
        <Paper withBorder p="sm" key={topic} component="section" aria-label={topic} data-testid="finding-topic-section">
          <Group gap="xs" mb="xs">
            <Title order={3} size="h5">
              {topic}
            </Title>
            <Badge variant="light" color="gray" size="sm">
              {t('findings.count', { count: findings.length })}
            </Badge>
          </Group>
          <Stack gap="sm">
            {findings.map((f) => (
              <Stack key={f.id} gap={6} data-testid="finding" style={{ borderTop: '1px solid var(--mantine-color-gray-3)', paddingTop: 8 }}>
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <Group gap={6} wrap="wrap">
                    <Badge variant="light" color="indigo" size="sm">
                      {t(`dataMethods.kinds.${f.method}`)}
                    </Badge>
                    {f.respondentGroupId !== null ? (
                      <Badge variant="outline" color="gray.8" size="sm">
                        {groupName.get(f.respondentGroupId) ?? '—'}
                      </Badge>
                    ) : null}
                  </Group>
                  <PartActions editable={assessment.editable} editLabel={t('findings.editNamed', { topic })} deleteLabel={t('findings.deleteNamed', { topic })} onEdit={() => setEditing({ finding: f })} onDelete={() => setDeleting(f)} testId="finding" />
                </Group>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="finding-text">
                  {f.text}
                </Text>
                {f.quote ? (
                  <Blockquote icon={<IconQuote size={16} aria-hidden />} iconSize={28} color="gray" p="xs" pl="lg" fz="sm" fs="italic" data-testid="finding-quote">
                    {f.quote}
                  </Blockquote>
                ) : null}
                {f.serviceTypes.length > 0 ? (
                  <Group gap={4} wrap="wrap">
                    <Text size="xs" c="gray.7">
                      {t('findings.concerns')}
                    </Text>
                    {f.serviceTypes.map((s) => (
                      <Badge key={s} variant="light" color="cyan" size="sm" style={{ textTransform: 'none' }}>
                        {names.serviceType(s)}
                      </Badge>
                    ))}
                  </Group>
                ) : null}
              </Stack>
            ))}
          </Stack>
        </Paper>
      ))}
      <FindingForm assessment={assessment} finding={editing?.finding ?? null} opened={editing !== null} onClose={() => setEditing(null)} />
      <DeletePart
        assessmentId={assessment.id}
        part="findings"
        partId={deleting?.id ?? null}
        title={t('findings.deleteTitle')}
        question={deleting ? t('findings.deleteConfirm', { topic: deleting.topic }) : ''}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}
