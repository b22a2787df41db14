import { useMemo } from 'react';
import { Badge, Grid, Group, Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TStats } from '@potreby/server/surveys/schema';
import { useFormat } from '../app/format';
import { EChart } from '../components/EChart';
import { Phrase, SLOT } from '../app/Phrase';
import { textIn, textLanguage } from './question-text';
import { ScrollTable } from '../components/ScrollTable';

type TQuestion = TStats['questions'][number];

/** One question: how many answered, and the share of each answer (table and chart) or the figures of a number. */
export function QuestionStats({ question: q, index, defaultLanguage }: { question: TQuestion; index: number; defaultLanguage?: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const title = textIn(q.title, fmt.language, q.name);
  const frequencies = q.frequencies ?? [];
  const labels = useMemo(() => frequencies.map((f) => textIn(f.text, fmt.language, f.value)), [frequencies, fmt.language]);

  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#343a40', formatter: (v: number) => fmt.number(v) }, splitLine: { lineStyle: { color: '#e9ecef' } } },
      yAxis: { type: 'category', inverse: true, data: labels, axisLabel: { width: 200, overflow: 'truncate', color: '#212529' }, axisTick: { show: false } },
      series: [
        {
          type: 'bar',
          name: t('analysis.count'),
          data: frequencies.map((f) => f.count),
          itemStyle: { color: '#1971c2' },
          barMaxWidth: 22,
          label: { show: true, position: 'right', color: '#212529', formatter: (p: { dataIndex: number }) => fmt.percent(frequencies[p.dataIndex]!.share) },
        },
      ],
    }),
    [frequencies, labels, fmt.language, t],
  );

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby={`question-${q.name}`} data-testid="question-stats" data-question={q.name}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
        <Title order={3} size="h5" id={`question-${q.name}`}>
          <Phrase text={t('analysis.questionTitle', { n: index + 1, title: SLOT })} lang={textLanguage(q.title, fmt.language, defaultLanguage)}>
            {title}
          </Phrase>
        </Title>
        <Badge variant="light" color="gray" size="sm" style={{ flexShrink: 0 }}>
          {t(`analysis.kinds.${q.type}`, { defaultValue: q.type })}
        </Badge>
      </Group>
      <Text size="sm" c="gray.7" mb="xs" data-testid="question-n">
        {t('analysis.answeredMissing', { n: fmt.number(q.n), missing: fmt.number(q.missing) })}
      </Text>
      {q.frequencies ? (
        frequencies.length === 0 ? (
          <Text size="sm" c="gray.7">
            {t('analysis.noAnswers')}
          </Text>
        ) : (
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Table striped verticalSpacing={4} fz="sm" data-testid="frequency-table">
                <caption>
                  <VisuallyHidden>{t('analysis.frequencyCaption', { title })}</VisuallyHidden>
                </caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('analysis.answer')}</Table.Th>
                    <Table.Th scope="col" className="num">
                      {t('analysis.count')}
                    </Table.Th>
                    <Table.Th scope="col" className="num">
                      {t('analysis.share')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {frequencies.map((f, i) => (
                    <Table.Tr key={f.value} data-testid="frequency-row">
                      <Table.Th scope="row" fw={400} lang={textLanguage(f.text, fmt.language, defaultLanguage)}>
                        {labels[i]}
                      </Table.Th>
                      <Table.Td className="num">{fmt.number(f.count)}</Table.Td>
                      <Table.Td className="num">{fmt.percent(f.share)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {q.type === 'multiple' ? (
                <Text size="xs" c="gray.7" mt={4}>
                  {t('analysis.multipleHint')}
                </Text>
              ) : null}
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <EChart option={option} height={Math.max(120, 24 + frequencies.length * 30)} ariaLabel={t('analysis.chartLabel', { title })} data-testid="frequency-chart" />
            </Grid.Col>
          </Grid>
        )
      ) : null}
      {q.numbers ? (
        <ScrollTable label={title}>
          <Table verticalSpacing={4} fz="sm" maw={560} data-testid="number-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" className="num">
                  n
                </Table.Th>
                <Table.Th scope="col" className="num">
                  {t('analysis.mean')}
                </Table.Th>
                <Table.Th scope="col" className="num">
                  {t('analysis.median')}
                </Table.Th>
                <Table.Th scope="col" className="num">
                  {t('analysis.min')}
                </Table.Th>
                <Table.Th scope="col" className="num">
                  {t('analysis.max')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr>
                <Table.Td className="num">{fmt.number(q.n)}</Table.Td>
                <Table.Td className="num">{fmt.number(q.numbers.mean, 1)}</Table.Td>
                <Table.Td className="num">{fmt.number(q.numbers.median, 1)}</Table.Td>
                <Table.Td className="num">{fmt.number(q.numbers.min, 2)}</Table.Td>
                <Table.Td className="num">{fmt.number(q.numbers.max, 2)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </ScrollTable>
      ) : null}
    </Paper>
  );
}
