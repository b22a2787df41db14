import { useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconCrown, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TAssessmentDetail } from '@potreby/server/assessments/schema';
import { RowAction } from '../components/RowAction';
import { AssessmentText } from './AssessmentText';
import { DeletePart } from './DeletePart';
import { MemberForm } from './MemberForm';

type TMember = TAssessmentDetail['members'][number];

/** The working group (members, their organisations and roles, one chair) and its rules of work. */
export function WorkingGroupTab({ assessment }: { assessment: TAssessmentDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<{ member: TMember | null } | null>(null);
  const [deleting, setDeleting] = useState<TMember | null>(null);
  const members = assessment.members;

  return (
    <Stack gap="md">
      <Paper withBorder p="sm">
        <Group justify="space-between" mb="xs" wrap="wrap">
          <Title order={2} size="h4">
            {t('workingGroup.title')}
          </Title>
          {assessment.editable ? (
            <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setEditing({ member: null })} data-testid="add-member">
              {t('workingGroup.add')}
            </Button>
          ) : null}
        </Group>
        <Text size="sm" mb="sm" maw={820}>
          {t('workingGroup.intro')}
        </Text>
        {members.length === 0 ? (
          <Text c="gray.7" ta="center" py="md" data-testid="members-empty">
            {t('workingGroup.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped verticalSpacing={6} fz="sm" data-testid="members-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('workingGroup.name')}</Table.Th>
                  <Table.Th scope="col">{t('workingGroup.organisation')}</Table.Th>
                  <Table.Th scope="col">{t('workingGroup.role')}</Table.Th>
                  {assessment.editable ? (
                    <Table.Th scope="col">
                      <span className="sr-only">{t('common.actions')}</span>
                    </Table.Th>
                  ) : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.map((m) => (
                  <Table.Tr key={m.id} data-testid="member-row">
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" fw={600}>
                          {m.name}
                        </Text>
                        {m.chair ? (
                          <Badge size="sm" variant="light" color="blue" leftSection={<IconCrown size={12} aria-hidden />} data-testid="member-chair-badge">
                            {t('workingGroup.chairBadge')}
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>{m.organisation}</Table.Td>
                    <Table.Td>{m.role}</Table.Td>
                    {assessment.editable ? (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap" justify="flex-end">
                          <RowAction tooltip={t('common.edit')} label={t('workingGroup.editNamed', { name: m.name })} icon={IconPencil} onClick={() => setEditing({ member: m })} testId="edit-member" />
                          <RowAction tooltip={t('common.delete')} label={t('workingGroup.deleteNamed', { name: m.name })} icon={IconTrash} onClick={() => setDeleting(m)} testId="delete-member" danger />
                        </Group>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <Paper withBorder p="sm">
        <Title order={2} size="h4" mb="xs">
          {t('workingGroup.rulesTitle')}
        </Title>
        <AssessmentText assessment={assessment} field="rulesOfWork" label={t('workingGroup.rules')} description={t('workingGroup.rulesHint')} testId="rules-of-work" />
      </Paper>
      <MemberForm assessment={assessment} member={editing?.member ?? null} opened={editing !== null} onClose={() => setEditing(null)} />
      <DeletePart
        assessmentId={assessment.id}
        part="members"
        partId={deleting?.id ?? null}
        title={t('workingGroup.deleteTitle')}
        question={deleting ? t('workingGroup.deleteConfirm', { name: deleting.name }) : ''}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}
