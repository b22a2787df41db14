import { useState } from 'react';
import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { locale } from '@potreby/i18n';
import type { TAssessmentDetail } from '@potreby/server/assessments/schema';
import { useFormat } from '../app/format';
import { ErrorAlert } from '../components/ErrorAlert';
import { useProgress } from './assessment-queries';
import { DeletePart } from './DeletePart';
import { GroupForm } from './GroupForm';
import { MethodForm } from './MethodForm';
import { PartActions, PartList, PartTable } from './PartList';
import { ResponseProgress } from './ResponseProgress';

type TMethod = TAssessmentDetail['methods'][number];
type TGroup = TAssessmentDetail['groups'][number];

/** The chosen data-collection methods, and the respondent groups with live counts against their targets. */
export function MethodsTab({ assessment }: { assessment: TAssessmentDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [editingMethod, setEditingMethod] = useState<{ method: TMethod | null } | null>(null);
  const [deletingMethod, setDeletingMethod] = useState<TMethod | null>(null);
  const [editingGroup, setEditingGroup] = useState<{ group: TGroup | null } | null>(null);
  const [deletingGroup, setDeletingGroup] = useState<TGroup | null>(null);
  // The tab is mounted only while open, so the counts refresh only while someone looks at them.
  const progress = useProgress(assessment.id, true);
  const live = new Map((progress.data?.groups ?? []).map((g) => [g.id, g.responses]));
  const ungrouped = progress.data?.groups.find((g) => g.id === null)?.responses ?? 0;
  const totalTarget = assessment.groups.reduce((s, g) => s + g.targetRespondents, 0);
  const total = progress.data?.total ?? assessment.responses;

  return (
    <Stack gap="md">
      <PartList
        title={t('dataMethods.methodsTitle')}
        add={assessment.editable ? { label: t('dataMethods.addMethod'), testId: 'add-method', onClick: () => setEditingMethod({ method: null }) } : undefined}
        empty={assessment.methods.length === 0 ? { text: t('dataMethods.methodsEmpty'), testId: 'methods-empty' } : undefined}
      >
        <Stack gap="xs" data-testid="methods-list">
          {assessment.methods.map((m) => (
            <Group key={m.id} justify="space-between" align="flex-start" wrap="nowrap" data-testid="method-row">
              <Stack gap={2}>
                <Text fw={600} size="sm">
                  {t(`dataMethods.kinds.${m.method}`)}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {m.description ?? ''}
                </Text>
              </Stack>
              <PartActions
                editable={assessment.editable}
                editLabel={t('dataMethods.editMethodNamed', { method: t(`dataMethods.kinds.${m.method}`) })}
                deleteLabel={t('dataMethods.deleteMethodNamed', { method: t(`dataMethods.kinds.${m.method}`) })}
                onEdit={() => setEditingMethod({ method: m })}
                onDelete={() => setDeletingMethod(m)}
                testId="method"
              />
            </Group>
          ))}
        </Stack>
      </PartList>

      <PartList
        title={t('dataMethods.groupsTitle')}
        add={assessment.editable ? { label: t('dataMethods.addGroup'), testId: 'add-group', onClick: () => setEditingGroup({ group: null }) } : undefined}
        intro={
          <>
            <Group gap={6} mb="sm" wrap="nowrap" align="flex-start">
              <IconInfoCircle size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
              <Text size="sm" maw={820}>
                {t('dataMethods.populationWeights')}
              </Text>
            </Group>
            <ErrorAlert error={progress.error} />
          </>
        }
        empty={assessment.groups.length === 0 ? { text: t('dataMethods.groupsEmpty'), testId: 'groups-empty' } : undefined}
        footer={
          <Group gap="xs" mt="xs">
            <Badge variant="dot" color="teal.8" size="sm">
              {t('dataMethods.live')}
            </Badge>
            <Text size="xs" c="gray.7" data-testid="progress-updated">
              {progress.dataUpdatedAt ? t('dataMethods.updatedAt', { time: new Date(progress.dataUpdatedAt).toLocaleTimeString(locale(fmt.language)) }) : null}
            </Text>
          </Group>
        }
      >
        <PartTable
          headings={
            <>
              <Table.Th scope="col">{t('dataMethods.groupName')}</Table.Th>
              <Table.Th scope="col" className="num">
                {t('dataMethods.population')}
              </Table.Th>
              <Table.Th scope="col">{t('dataMethods.populationSource')}</Table.Th>
              <Table.Th scope="col" w={240}>
                {t('dataMethods.responsesAgainstTarget')}
              </Table.Th>
            </>
          }
          minWidth={820}
          testId="groups-table"
          editable={assessment.editable}
          footer={
            <Table.Tfoot>
              {ungrouped > 0 ? (
                <Table.Tr data-testid="ungrouped-row">
                  <Table.Th scope="row" colSpan={3} fw={400}>
                    {t('dataMethods.ungrouped')}
                  </Table.Th>
                  <Table.Td className="num" ta="left">
                    {fmt.number(ungrouped)}
                  </Table.Td>
                  {assessment.editable ? <Table.Td /> : null}
                </Table.Tr>
              ) : null}
              <Table.Tr>
                <Table.Th scope="row" colSpan={3}>
                  {t('dataMethods.total')}
                </Table.Th>
                <Table.Td>
                  <ResponseProgress responses={total} target={totalTarget} label={t('dataMethods.total')} testId="total-progress" />
                </Table.Td>
                {assessment.editable ? <Table.Td /> : null}
              </Table.Tr>
            </Table.Tfoot>
          }
        >
          {assessment.groups.map((g) => (
            <Table.Tr key={g.id} data-testid="group-row">
              <Table.Td>
                <Text size="sm" fw={600}>
                  {g.name}
                </Text>
                <Text size="xs" c="gray.7">
                  <code>{g.key}</code>
                </Text>
              </Table.Td>
              <Table.Td className="num">{fmt.number(g.population)}</Table.Td>
              <Table.Td>{g.populationSource ?? '—'}</Table.Td>
              <Table.Td>
                <ResponseProgress responses={live.get(g.id) ?? g.responses} target={g.targetRespondents} label={g.name} testId="group-progress" />
              </Table.Td>
              <PartActions editable={assessment.editable} editLabel={t('dataMethods.editGroupNamed', { name: g.name })} deleteLabel={t('dataMethods.deleteGroupNamed', { name: g.name })} onEdit={() => setEditingGroup({ group: g })} onDelete={() => setDeletingGroup(g)} testId="group" inTable />
            </Table.Tr>
          ))}
        </PartTable>
      </PartList>

      <MethodForm assessment={assessment} method={editingMethod?.method ?? null} opened={editingMethod !== null} onClose={() => setEditingMethod(null)} />
      <GroupForm assessment={assessment} group={editingGroup?.group ?? null} opened={editingGroup !== null} onClose={() => setEditingGroup(null)} />
      <DeletePart
        assessmentId={assessment.id}
        part="methods"
        partId={deletingMethod?.id ?? null}
        title={t('dataMethods.deleteMethodTitle')}
        question={deletingMethod ? t('dataMethods.deleteMethodConfirm', { method: t(`dataMethods.kinds.${deletingMethod.method}`) }) : ''}
        onClose={() => setDeletingMethod(null)}
      />
      <DeletePart
        assessmentId={assessment.id}
        part="groups"
        partId={deletingGroup?.id ?? null}
        title={t('dataMethods.deleteGroupTitle')}
        question={deletingGroup ? t('dataMethods.deleteGroupConfirm', { name: deletingGroup.name }) : ''}
        onClose={() => setDeletingGroup(null)}
      />
    </Stack>
  );
}
