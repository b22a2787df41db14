import { useState } from 'react';
import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconChartBar, IconFileImport, IconPencil, IconPlus, IconTableImport } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { TAssessmentDetail } from '@potreby/server/assessments/schema';
import { useFormat } from '../app/format';
import { ImportXlsForm } from '../questionnaires/ImportXlsForm';
import { assessmentKey } from './assessment-queries';
import { ImportResponses } from './ImportResponses';
import { NewQuestionnaire } from './NewQuestionnaire';

/** The assessment's questionnaires: design, analyse, import one from XLSForm, import responses in bulk. */
export function QuestionnairesTab({ assessment }: { assessment: TAssessmentDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [importingForm, setImportingForm] = useState(false);
  const [importingResponses, setImportingResponses] = useState(false);
  const items = assessment.questionnaires;

  return (
    <Stack gap="md">
      <Paper withBorder p="sm">
        <Group justify="space-between" mb="xs" wrap="wrap" gap="sm">
          <Title order={2} size="h4">
            {t('assessments.questionnaires.title')}
          </Title>
          {assessment.editable ? (
            <Group gap="xs" wrap="wrap">
              <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setCreating(true)} data-testid="add-questionnaire">
                {t('assessments.questionnaires.add')}
              </Button>
              <Button size="xs" variant="default" leftSection={<IconFileImport size={14} aria-hidden />} onClick={() => setImportingForm(true)} data-testid="import-xlsform">
                {t('assessments.questionnaires.importXlsForm')}
              </Button>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconTableImport size={14} aria-hidden />}
                onClick={() => setImportingResponses(true)}
                disabled={items.length === 0}
                data-testid="import-responses"
              >
                {t('assessments.questionnaires.importResponses')}
              </Button>
            </Group>
          ) : null}
        </Group>
        <Text size="sm" mb="sm" maw={820}>
          {t('assessments.questionnaires.intro')}
        </Text>
        {items.length === 0 ? (
          <Text c="gray.7" ta="center" py="md" data-testid="questionnaires-empty">
            {t('assessments.questionnaires.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={600}>
            <Table striped verticalSpacing={6} fz="sm" data-testid="questionnaires-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('assessments.questionnaires.titleField')}</Table.Th>
                  <Table.Th scope="col" className="num">
                    {t('assessments.questionnaires.version')}
                  </Table.Th>
                  <Table.Th scope="col" className="num">
                    {t('assessments.responses')}
                  </Table.Th>
                  <Table.Th scope="col">
                    <span className="sr-only">{t('common.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((q) => (
                  <Table.Tr key={q.id} data-testid="questionnaire-row">
                    <Table.Td>
                      <Anchor component={Link} to={`/questionnaires/${q.id}`} fw={600} size="sm">
                        {q.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td className="num">{q.currentVersion}</Table.Td>
                    <Table.Td className="num">{fmt.number(q.responses)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap" justify="flex-end">
                        <Button
                          component={Link}
                          to={`/questionnaires/${q.id}`}
                          size="compact-sm"
                          variant="default"
                          leftSection={<IconPencil size={14} aria-hidden />}
                          aria-label={t('assessments.questionnaires.designNamed', { title: q.title })}
                          data-testid="design-questionnaire"
                        >
                          {t('assessments.questionnaires.design')}
                        </Button>
                        <Button
                          component={Link}
                          to={`/questionnaires/${q.id}/analysis`}
                          size="compact-sm"
                          variant="default"
                          leftSection={<IconChartBar size={14} aria-hidden />}
                          aria-label={t('assessments.questionnaires.analysisNamed', { title: q.title })}
                          data-testid="analyse-questionnaire"
                        >
                          {t('assessments.questionnaires.analysis')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <NewQuestionnaire assessment={assessment} opened={creating} onClose={() => setCreating(false)} />
      <ImportXlsForm
        assessmentId={assessment.id}
        territoryId={assessment.territory.id}
        opened={importingForm}
        onClose={() => setImportingForm(false)}
        onImported={(questionnaireId: number) => {
          void queryClient.invalidateQueries({ queryKey: assessmentKey(assessment.id) });
          setImportingForm(false);
          navigate(`/questionnaires/${questionnaireId}`);
        }}
      />
      <ImportResponses assessment={assessment} opened={importingResponses} onClose={() => setImportingResponses(false)} />
    </Stack>
  );
}
