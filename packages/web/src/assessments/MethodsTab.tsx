import { useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconInfoCircle, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { locale } from '@potreby/i18n';
import type { TAssessmentDetail } from '@potreby/server/assessments/schema';
import { useFormat } from '../app/format';
import { ErrorAlert } from '../components/ErrorAlert';
import { RowAction } from '../components/RowAction';
import { useProgress } from './assessment-queries';
import { DeletePart } from './DeletePart';
import { GroupForm } from './GroupForm';
import { MethodForm } from './MethodForm';
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
      <Paper withBorder p="sm">
        <Group justify="space-between" mb="xs" wrap="wrap">
          <Title order={2} size="h4">
            {t('dataMethods.methodsTitle')}
          </Title>
          {assessment.editable ? (
            <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setEditingMethod({ method: null })} data-testid="add-method">
              {t('dataMethods.addMethod')}
            </Button>
          ) : null}
        </Group>
        {assessment.methods.length === 0 ? (
          <Text c="gray.7" ta="center" py="md" data-testid="methods-empty">
            {t('dataMethods.methodsEmpty')}
          </Text>
        ) : (
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
                {assessment.editable ? (
                  <Group gap={4} wrap="nowrap">
                    <RowAction tooltip={t('common.edit')} label={t('dataMethods.editMethodNamed', { method: t(`dataMethods.kinds.${m.method}`) })} icon={IconPencil} onClick={() => setEditingMethod({ method: m })} testId="edit-method" />
                    <RowAction tooltip={t('common.delete')} label={t('dataMethods.deleteMethodNamed', { method: t(`dataMethods.kinds.${m.method}`) })} icon={IconTrash} onClick={() => setDeletingMethod(m)} testId="delete-method" danger />
                  </Group>
                ) : null}
              </Group>
            ))}
          </Stack>
        )}
      </Paper>

      <Paper withBorder p="sm">
        <Group justify="space-between" mb="xs" wrap="wrap">
          <Title order={2} size="h4">
            {t('dataMethods.groupsTitle')}
          </Title>
          {assessment.editable ? (
            <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setEditingGroup({ group: null })} data-testid="add-group">
              {t('dataMethods.addGroup')}
            </Button>
          ) : null}
        </Group>
        <Group gap={6} mb="sm" wrap="nowrap" align="flex-start">
          <IconInfoCircle size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <Text size="sm" maw={820}>
            {t('dataMethods.populationWeights')}
          </Text>
        </Group>
        <ErrorAlert error={progress.error} />
        {assessment.groups.length === 0 ? (
          <Text c="gray.7" ta="center" py="md" data-testid="groups-empty">
            {t('dataMethods.groupsEmpty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={820}>
            <Table striped verticalSpacing={6} fz="sm" data-testid="groups-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('dataMethods.groupName')}</Table.Th>
                  <Table.Th scope="col" className="num">
                    {t('dataMethods.population')}
                  </Table.Th>
                  <Table.Th scope="col">{t('dataMethods.populationSource')}</Table.Th>
                  <Table.Th scope="col" w={240}>
                    {t('dataMethods.responsesAgainstTarget')}
                  </Table.Th>
                  {assessment.editable ? (
                    <Table.Th scope="col">
                      <span className="sr-only">{t('common.actions')}</span>
                    </Table.Th>
                  ) : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
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
                    {assessment.editable ? (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap" justify="flex-end">
                          <RowAction tooltip={t('common.edit')} label={t('dataMethods.editGroupNamed', { name: g.name })} icon={IconPencil} onClick={() => setEditingGroup({ group: g })} testId="edit-group" />
                          <RowAction tooltip={t('common.delete')} label={t('dataMethods.deleteGroupNamed', { name: g.name })} icon={IconTrash} onClick={() => setDeletingGroup(g)} testId="delete-group" danger />
                        </Group>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
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
            </Table>
          </Table.ScrollContainer>
        )}
        <Group gap="xs" mt="xs">
          <Badge variant="dot" color="teal.8" size="sm">
            {t('dataMethods.live')}
          </Badge>
          <Text size="xs" c="gray.7" data-testid="progress-updated">
            {progress.dataUpdatedAt ? t('dataMethods.updatedAt', { time: new Date(progress.dataUpdatedAt).toLocaleTimeString(locale(fmt.language)) }) : null}
          </Text>
        </Group>
      </Paper>

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
