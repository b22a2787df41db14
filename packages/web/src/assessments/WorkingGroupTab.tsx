import { useState } from 'react';
import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconCrown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TAssessmentDetail } from '@potreby/server/assessments/schema';
import { AssessmentText } from './AssessmentText';
import { DeletePart } from './DeletePart';
import { MemberForm } from './MemberForm';
import { PartActions, PartList, PartTable } from './PartList';

type TMember = TAssessmentDetail['members'][number];

/** The working group (members, their organisations and roles, one chair) and its rules of work. */
export function WorkingGroupTab({ assessment }: { assessment: TAssessmentDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<{ member: TMember | null } | null>(null);
  const [deleting, setDeleting] = useState<TMember | null>(null);
  const members = assessment.members;

  return (
    <Stack gap="md">
      <PartList
        title={t('workingGroup.title')}
        add={assessment.editable ? { label: t('workingGroup.add'), testId: 'add-member', onClick: () => setEditing({ member: null }) } : undefined}
        intro={
          <Text size="sm" mb="sm" maw={820}>
            {t('workingGroup.intro')}
          </Text>
        }
        empty={members.length === 0 ? { text: t('workingGroup.empty'), testId: 'members-empty' } : undefined}
      >
        <PartTable
          headings={
            <>
              <Table.Th scope="col">{t('workingGroup.name')}</Table.Th>
              <Table.Th scope="col">{t('workingGroup.organisation')}</Table.Th>
              <Table.Th scope="col">{t('workingGroup.role')}</Table.Th>
            </>
          }
          minWidth={640}
          testId="members-table"
          editable={assessment.editable}
        >
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
              <PartActions editable={assessment.editable} editLabel={t('workingGroup.editNamed', { name: m.name })} deleteLabel={t('workingGroup.deleteNamed', { name: m.name })} onEdit={() => setEditing({ member: m })} onDelete={() => setDeleting(m)} testId="member" inTable />
            </Table.Tr>
          ))}
        </PartTable>
      </PartList>
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
