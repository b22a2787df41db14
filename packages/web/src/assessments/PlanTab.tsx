import { useState } from 'react';
import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MEASURE_STATUSES } from '@potreby/domain';
import type { TAssessmentDetail } from '@potreby/server/assessments/schema';
import { useFormat } from '../app/format';
import { SUCCESS_COLOUR } from '../questionnaires/colours';
import { DeletePart } from './DeletePart';
import { DocumentLinks } from './DocumentLinks';
import { MeasureForm } from './MeasureForm';
import { PartActions, PartList, PartTable } from './PartList';
import { PlanApproval } from './PlanApproval';

type TMeasure = TAssessmentDetail['measures'][number];
const STATUS_COLOURS: Record<(typeof MEASURE_STATUSES)[number], string> = { planned: 'gray', in_progress: 'blue', done: SUCCESS_COLOUR, cancelled: 'gray' };

/** The plan of measures of the needs determination: activities, who is responsible, due dates, status; its approval and export. */
export function PlanTab({ assessment }: { assessment: TAssessmentDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [editing, setEditing] = useState<{ measure: TMeasure | null } | null>(null);
  const [deleting, setDeleting] = useState<TMeasure | null>(null);
  const measures = assessment.measures;
  const overdue = measures.filter((m) => m.overdue).length;

  return (
    <Stack gap="md">
      <PartList
        title={t('plan.title')}
        add={assessment.editable ? { label: t('plan.add'), testId: 'add-measure', onClick: () => setEditing({ measure: null }) } : undefined}
        aside={
          <Group gap={6} wrap="nowrap">
            <Text size="sm">{t('plan.export')}</Text>
            <DocumentLinks assessmentId={assessment.id} document="plan" />
          </Group>
        }
        intro={
          <>
            <Text size="sm" mb="sm" maw={820}>
              {t('plan.intro')}
            </Text>
            {overdue > 0 ? (
              <Group gap={6} mb="xs" data-testid="plan-overdue-count">
                <IconAlertTriangle size={16} color="var(--mantine-color-red-9)" aria-hidden />
                <Text size="sm" fw={600} c="red.9">
                  {t('plan.overdueCount', { count: overdue })}
                </Text>
              </Group>
            ) : null}
          </>
        }
        empty={measures.length === 0 ? { text: t('plan.empty'), testId: 'measures-empty' } : undefined}
      >
        <PartTable
          headings={
            <>
              <Table.Th scope="col" className="num" w={40}>
                {t('plan.number')}
              </Table.Th>
              <Table.Th scope="col">{t('plan.activity')}</Table.Th>
              <Table.Th scope="col">{t('plan.responsible')}</Table.Th>
              <Table.Th scope="col">{t('plan.dueDate')}</Table.Th>
              <Table.Th scope="col">{t('plan.status')}</Table.Th>
            </>
          }
          minWidth={720}
          testId="measures-table"
          editable={assessment.editable}
        >
          {measures.map((m, i) => (
            <Table.Tr key={m.id} data-testid="measure-row">
              <Table.Td className="num">{i + 1}</Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{m.activity}</Table.Td>
              <Table.Td>{m.responsible}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Stack gap={2}>
                  <span>{fmt.date(m.dueDate)}</span>
                  {m.overdue ? (
                    <Group gap={4} wrap="nowrap" data-testid="measure-overdue">
                      <IconAlertTriangle size={14} color="var(--mantine-color-red-9)" aria-hidden />
                      <Text size="xs" fw={700} c="red.9">
                        {t('plan.overdue')}
                      </Text>
                    </Group>
                  ) : null}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={STATUS_COLOURS[m.status]} data-testid="measure-status-badge">
                  {t(`plan.statuses.${m.status}`)}
                </Badge>
              </Table.Td>
              <PartActions editable={assessment.editable} editLabel={t('plan.editNamed', { n: i + 1 })} deleteLabel={t('plan.deleteNamed', { n: i + 1 })} onEdit={() => setEditing({ measure: m })} onDelete={() => setDeleting(m)} testId="measure" inTable />
            </Table.Tr>
          ))}
        </PartTable>
      </PartList>
      <Paper withBorder p="sm">
        <Title order={2} size="h4" mb="xs">
          {t('plan.approvalTitle')}
        </Title>
        <PlanApproval assessment={assessment} />
      </Paper>
      <MeasureForm assessment={assessment} measure={editing?.measure ?? null} opened={editing !== null} onClose={() => setEditing(null)} />
      <DeletePart
        assessmentId={assessment.id}
        part="measures"
        partId={deleting?.id ?? null}
        title={t('plan.deleteTitle')}
        question={deleting ? t('plan.deleteConfirm', { activity: deleting.activity }) : ''}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}
