import { useEffect, useId, useState } from 'react';
import { Group, Loader, Paper, SegmentedControl, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TCrossTab, TStats } from '@potreby/server/surveys/schema';
import { api } from '../api/client';
import { useFormat } from '../app/format';
import { ErrorAlert } from '../components/ErrorAlert';
import { textIn } from './question-text';

type Filters = { respondentGroupId?: number; settlementId?: number };

/** A choice question broken down by respondent group or by settlement: counts and row percentages. */
export function CrossTab({ questionnaireId, questions, filters }: { questionnaireId: number; questions: TStats['questions']; filters: Filters }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const byLabel = useId();
  const choices = questions.filter((q) => q.frequencies !== null);
  const [question, setQuestion] = useState<string | null>(null);
  const [by, setBy] = useState<'group' | 'settlement'>('group');
  useEffect(() => {
    // A question with a few answers reads best across the page (not the list of 40 settlements).
    const first = choices.find((q) => (q.frequencies?.length ?? 0) <= 12) ?? choices[0];
    if (!question && first) setQuestion(first.name);
  }, [choices.length]);

  const table = useQuery({
    queryKey: ['analysis', 'crosstab', questionnaireId, question, by, filters],
    queryFn: () => api.get<TCrossTab>(`/questionnaires/${questionnaireId}/crosstab`, { question, by, ...filters }),
    enabled: question !== null,
    placeholderData: keepPreviousData,
  });
  const data = table.data;
  const questionTitle = (name: string) => textIn(questions.find((q) => q.name === name)?.title, fmt.language, name);

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="crosstab-title">
      <Title order={2} size="h4" mb="xs" id="crosstab-title">
        {t('analysis.crosstabTitle')}
      </Title>
      {choices.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('analysis.noChoiceQuestions')}
        </Text>
      ) : (
        <Stack gap="sm">
          <Group align="flex-end" wrap="wrap" gap="md">
            <Select
              label={t('analysis.crosstabQuestion')}
              searchable
              allowDeselect={false}
              w={{ base: '100%', sm: 420 }}
              data={choices.map((q) => ({ value: q.name, label: textIn(q.title, fmt.language, q.name) }))}
              value={question}
              onChange={setQuestion}
              data-testid="crosstab-question"
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id={byLabel}>
                {t('analysis.crosstabBy')}
              </Text>
              <SegmentedControl
                aria-labelledby={byLabel}
                value={by}
                onChange={(v) => setBy(v as 'group' | 'settlement')}
                data={[
                  { value: 'group', label: t('analysis.byGroup') },
                  { value: 'settlement', label: t('analysis.bySettlement') },
                ]}
                data-testid="crosstab-by"
              />
            </Stack>
          </Group>
          <ErrorAlert error={table.error} />
          {table.isLoading ? <Loader size="sm" role="status" aria-label={t('common.loading')} /> : null}
          {data && data.rows.length === 0 ? (
            <Text size="sm" c="gray.7" data-testid="crosstab-empty">
              {t('analysis.noAnswers')}
            </Text>
          ) : null}
          {data && data.rows.length > 0 ? (
            <Table.ScrollContainer
              type="native"
              minWidth={Math.max(480, 200 + data.columns.length * 120)}
              // A wide table scrolls sideways; the keyboard reaches it too.
              tabIndex={0}
              role="region"
              aria-labelledby="crosstab-title"
            >
              <Table striped withTableBorder withColumnBorders verticalSpacing={4} fz="sm" data-testid="crosstab-table">
                <caption>
                  <VisuallyHidden>{t('analysis.crosstabCaption', { title: questionTitle(data.question), by: t(data.by === 'group' ? 'analysis.byGroup' : 'analysis.bySettlement') })}</VisuallyHidden>
                </caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t(data.by === 'group' ? 'analysis.respondentGroup' : 'analysis.settlement')}</Table.Th>
                    {data.columns.map((c) => (
                      <Table.Th scope="col" key={c.value} className="num">
                        {textIn(c.text, fmt.language, c.value)}
                      </Table.Th>
                    ))}
                    <Table.Th scope="col" className="num">
                      {t('analysis.total')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.rows.map((row, r) => {
                    const counts = data.counts[r] ?? [];
                    const total = counts.reduce((s, c) => s + c, 0);
                    return (
                      <Table.Tr key={row.key} data-testid="crosstab-row">
                        <Table.Th scope="row" fw={500}>
                          {row.label || t('analysis.noGroup')}
                        </Table.Th>
                        {data.columns.map((c, i) => (
                          <Table.Td key={c.value} className="num">
                            {fmt.number(counts[i] ?? 0)}
                            <Text component="span" size="xs" c="gray.7" ml={6}>
                              {total > 0 ? `(${fmt.percent((counts[i] ?? 0) / total)})` : ''}
                            </Text>
                          </Table.Td>
                        ))}
                        <Table.Td className="num" fw={600}>
                          {fmt.number(total)}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
          <Text size="xs" c="gray.7">
            {t('analysis.rowPercentHint')}
          </Text>
        </Stack>
      )}
    </Paper>
  );
}
