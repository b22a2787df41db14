import { useCallback, useMemo } from 'react';
import { Accordion, Alert, Anchor, Group, Loader, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconChartBar, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TAssessmentDetail, TRecipientsView, TSurveyEstimate } from '@potreby/server/assessments/schema';
import { useServiceTypes } from '../app/catalogue';
import { useFormat } from '../app/format';
import { useNames } from '../app/names';
import { ErrorAlert } from '../components/ErrorAlert';
import { useEstimates, useRecipients } from './assessment-queries';
import { IntervalChart } from './IntervalChart';

/** "1 234 (980–1 510)": a figure with its 95 % interval. */
export function useIntervalText() {
  const { t } = useTranslation();
  const fmt = useFormat();
  return {
    people: (value: number | null, low: number | null, high: number | null) =>
      value === null ? '—' : t('needs.withInterval', { value: fmt.number(value), low: fmt.number(low), high: fmt.number(high) }),
    share: (value: number | null, low: number | null, high: number | null) =>
      value === null ? '—' : t('needs.withInterval', { value: fmt.percent(value), low: fmt.percent(low), high: fmt.percent(high) }),
  };
}

/** The survey-based need per service type, with intervals and the groups behind it; then the recipients' view. */
export function NeedsTab({ assessment }: { assessment: TAssessmentDetail }) {
  const { t } = useTranslation();
  const estimates = useEstimates(assessment.id);
  const gapsHref = `/gaps/${assessment.territory.id}?year=${assessment.year}&method=survey`;

  return (
    <Stack gap="md">
      <Paper withBorder p="sm">
        <Group justify="space-between" mb="xs" wrap="wrap">
          <Title order={2} size="h4">
            {t('needs.title')}
          </Title>
          <Anchor component={Link} to={gapsHref} size="sm" data-testid="needs-gap-link">
            <Group gap={4} wrap="nowrap" component="span">
              <IconChartBar size={16} aria-hidden />
              {t('needs.toGaps')}
            </Group>
          </Anchor>
        </Group>
        <Group gap={6} wrap="nowrap" align="flex-start" mb="sm">
          <IconInfoCircle size={16} aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />
          <Text size="sm" maw={900} data-testid="needs-method">
            {t('needs.method')}
          </Text>
        </Group>
        <ErrorAlert error={estimates.error} />
        {estimates.isLoading ? <Loader role="status" aria-label={t('common.loading')} /> : null}
        {estimates.data ? <Estimates assessment={assessment} items={estimates.data.items} /> : null}
      </Paper>
      <RecipientsView assessment={assessment} />
    </Stack>
  );
}

function Estimates({ assessment, items }: { assessment: TAssessmentDetail; items: TSurveyEstimate[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = useNames();
  const typesLoaded = useServiceTypes().items.length;
  const interval = useIntervalText();
  const groupName = new Map(assessment.groups.map((g) => [g.id, g.name]));
  const sorted = useMemo(() => [...items].sort((a, b) => b.need - a.need), [items]);
  const format = useCallback((v: number) => fmt.number(v), [fmt.language]);
  const categories = useMemo(() => sorted.map((e) => names.serviceType(e.serviceType)), [sorted, names.language, typesLoaded]);
  const series = useMemo(() => [{ name: t('needs.need'), color: '#1864ab', points: sorted.map((e) => ({ value: e.need, low: e.needLow, high: e.needHigh })) }], [sorted, t]);

  if (items.length === 0) {
    return (
      <Text c="gray.7" ta="center" py="md" data-testid="needs-empty">
        {t('needs.empty')}
      </Text>
    );
  }

  return (
    <Stack gap="sm">
      <IntervalChart categories={categories} series={series} format={format} ariaLabel={t('needs.chartLabel')} data-testid="needs-chart" />
      <Table.ScrollContainer minWidth={760}>
        <Table striped verticalSpacing={6} fz="sm" data-testid="needs-table">
          <caption>
            <VisuallyHidden>{t('needs.tableCaption')}</VisuallyHidden>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('needs.serviceType')}</Table.Th>
              <Table.Th scope="col" className="num">
                {t('needs.needInterval')}
              </Table.Th>
              <Table.Th scope="col" className="num">
                {t('needs.prevalenceInterval')}
              </Table.Th>
              <Table.Th scope="col" className="num">
                {t('needs.respondents')}
              </Table.Th>
              <Table.Th scope="col" className="num">
                {t('needs.coveredPopulation')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((e) => (
              <Table.Tr key={`${e.serviceType}-${e.questionnaireId}-${e.questionName}`} data-testid="need-row">
                <Table.Th scope="row" fw={600}>
                  {names.serviceType(e.serviceType)}
                </Table.Th>
                <Table.Td className="num" data-testid="need-interval">
                  {interval.people(e.need, e.needLow, e.needHigh)}
                </Table.Td>
                <Table.Td className="num">{interval.share(e.prevalence, e.low, e.high)}</Table.Td>
                <Table.Td className="num">{fmt.number(e.respondents)}</Table.Td>
                <Table.Td className="num">{fmt.number(e.coveredPopulation)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <Title order={3} size="h5" mt="sm">
        {t('needs.byGroupTitle')}
      </Title>
      <Accordion multiple variant="separated" chevronPosition="left" data-testid="needs-by-group">
        {sorted.map((e) => (
          <Accordion.Item key={`${e.serviceType}-${e.questionnaireId}-${e.questionName}`} value={`${e.serviceType}-${e.questionnaireId}-${e.questionName}`}>
            <Accordion.Control data-testid="need-groups-toggle">
              {t('needs.groupsOf', { service: names.serviceType(e.serviceType), question: e.questionName })}
            </Accordion.Control>
            <Accordion.Panel>
              <Table.ScrollContainer minWidth={720}>
                <Table verticalSpacing={4} fz="sm" data-testid="need-groups-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('needs.group')}</Table.Th>
                      <Table.Th scope="col" className="num">
                        {t('needs.answered')}
                      </Table.Th>
                      <Table.Th scope="col" className="num">
                        {t('needs.positive')}
                      </Table.Th>
                      <Table.Th scope="col" className="num">
                        {t('needs.prevalenceInterval')}
                      </Table.Th>
                      <Table.Th scope="col" className="num">
                        {t('needs.population')}
                      </Table.Th>
                      <Table.Th scope="col" className="num">
                        {t('needs.needInterval')}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {e.byGroup.map((g) => (
                      <Table.Tr key={g.groupId}>
                        <Table.Th scope="row" fw={400}>
                          {groupName.get(g.groupId) ?? '—'}
                        </Table.Th>
                        <Table.Td className="num">{fmt.number(g.answered)}</Table.Td>
                        <Table.Td className="num">{fmt.number(g.positive)}</Table.Td>
                        <Table.Td className="num">{interval.share(g.prevalence, g.low, g.high)}</Table.Td>
                        <Table.Td className="num">{g.population === null ? t('needs.noPopulation') : fmt.number(g.population)}</Table.Td>
                        <Table.Td className="num">{interval.people(g.need, g.needLow, g.needHigh)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {e.uncoveredGroups.length > 0 ? (
                <Alert color="yellow" variant="light" icon={<IconInfoCircle aria-hidden />} mt="xs" p="xs" data-testid="need-uncovered">
                  {t('needs.uncovered', { groups: e.uncoveredGroups.map((id) => groupName.get(id) ?? String(id)).join(', ') })}
                </Alert>
              ) : null}
              <Text size="xs" c="gray.7" mt={4}>
                {t('needs.effectiveN', { n: fmt.number(e.effectiveN, 1) })}
              </Text>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Stack>
  );
}

type TShare = NonNullable<TRecipientsView['items'][number]['potentialNeed']>;

/** Potential recipients' need and current recipients' satisfaction, service by service. */
function RecipientsView({ assessment }: { assessment: TAssessmentDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = useNames();
  const typesLoaded = useServiceTypes().items.length;
  const interval = useIntervalText();
  const recipients = useRecipients(assessment.id);
  const items = recipients.data?.items ?? [];
  const format = useCallback((v: number) => fmt.percent(v), [fmt.language]);
  const categories = useMemo(() => items.map((i) => names.serviceType(i.serviceType)), [items, names.language, typesLoaded]);
  const point = (s: TShare | null) => (s ? { value: s.share, low: s.low, high: s.high } : null);
  const series = useMemo(
    () => [
      { name: t('needs.potentialNeed'), color: '#c92a2a', points: items.map((i) => point(i.potentialNeed)) },
      { name: t('needs.currentSatisfaction'), color: '#087f5b', points: items.map((i) => point(i.currentSatisfaction)) },
    ],
    [items, t],
  );
  const share = (s: TShare | null) =>
    s ? (
      <>
        <span>{interval.share(s.share, s.low, s.high)}</span>
        <Text size="xs" c="gray.7" component="span" display="block">
          {t('needs.countOf', { n: fmt.number(s.count), of: fmt.number(s.of) })}
        </Text>
      </>
    ) : (
      <Text size="sm" c="gray.7" component="span">
        {t('needs.notAsked')}
      </Text>
    );

  return (
    <Paper withBorder p="sm">
      <Title order={2} size="h4" mb="xs">
        {t('needs.recipientsTitle')}
      </Title>
      <Text size="sm" maw={900} mb="sm">
        {t('needs.recipientsIntro')}
      </Text>
      <ErrorAlert error={recipients.error} />
      {recipients.isLoading ? <Loader role="status" aria-label={t('common.loading')} /> : null}
      {recipients.data && items.length === 0 ? (
        <Text c="gray.7" ta="center" py="md" data-testid="recipients-empty">
          {t('needs.recipientsEmpty')}
        </Text>
      ) : null}
      {items.length > 0 ? (
        <Stack gap="sm">
          <IntervalChart categories={categories} series={series} format={format} max={1} ariaLabel={t('needs.recipientsChartLabel')} data-testid="recipients-chart" />
          <Table.ScrollContainer minWidth={640}>
            <Table striped verticalSpacing={6} fz="sm" data-testid="recipients-table">
              <caption>
                <VisuallyHidden>{t('needs.recipientsCaption')}</VisuallyHidden>
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('needs.serviceType')}</Table.Th>
                  <Table.Th scope="col" className="num">
                    {t('needs.potentialNeed')}
                  </Table.Th>
                  <Table.Th scope="col" className="num">
                    {t('needs.currentSatisfaction')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((i) => (
                  <Table.Tr key={i.serviceType} data-testid="recipients-row">
                    <Table.Th scope="row" fw={600}>
                      {names.serviceType(i.serviceType)}
                    </Table.Th>
                    <Table.Td className="num">{share(i.potentialNeed)}</Table.Td>
                    <Table.Td className="num">{share(i.currentSatisfaction)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      ) : null}
    </Paper>
  );
}
