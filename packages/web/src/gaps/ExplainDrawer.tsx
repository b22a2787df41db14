import { Accordion, Alert, Anchor, Badge, Center, Drawer, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TTargetPopulation } from '@potreby/domain';
import type { TExplainUnit, TGapExplanation, TGapRow } from '@potreby/server/gaps/schema';
import { DemoBadge } from '../components/DemoBadge';
import { ErrorAlert } from '../components/ErrorAlert';
import { useGapExplanation, type GapView } from './gap-queries';
import { GapFigure, IncompleteMarker, NoFigure, notShown } from './GapTable';
import type { GapLabels } from './use-gap-labels';
import './gaps.css';

type HeadingOrder = 3 | 4 | 5;
type PopulationSource = NonNullable<TExplainUnit['normative']['target']>['source'];

/** "How was this computed": the inputs and the arithmetic behind one service type's figures. */
export function ExplainDrawer(props: { view: GapView; serviceType: string | null; labels: GapLabels; onClose: () => void }) {
  const { t } = useTranslation();
  const { labels } = props;
  const query = useGapExplanation(props.view, props.serviceType);
  const data = query.data;
  return (
    <Drawer
      opened={props.serviceType !== null}
      onClose={props.onClose}
      position="right"
      size="xl"
      title={t('explain.title')}
      closeButtonProps={{ 'aria-label': t('explain.close') }}
      data-testid="explain-drawer"
    >
      {props.serviceType !== null && (
        <Stack gap="md" data-testid="explain-content">
          <Text fw={600} size="lg">
            {labels.serviceType(props.serviceType)}
          </Text>
          {query.isPending && (
            <Center py="xl">
              <Loader aria-label={t('explain.loading')} />
            </Center>
          )}
          <ErrorAlert error={query.error} />
          {data && <Explanation data={data} labels={labels} />}
        </Stack>
      )}
    </Drawer>
  );
}

function Explanation({ data, labels }: { data: TGapExplanation; labels: GapLabels }) {
  const { t } = useTranslation();
  const context = t('explain.context', {
    territory: labels.territory(data.territory),
    year: data.year,
    method: t(`methodsShort.${data.method}`),
  });
  if (data.units.length === 0) {
    return (
      <>
        <Text size="sm">{context}</Text>
        <Alert color="gray" icon={<IconInfoCircle aria-hidden />}>
          {t('explain.noUnits')}
        </Alert>
      </>
    );
  }
  if (data.units.length === 1) {
    return (
      <>
        <Text size="sm">{context}</Text>
        <UnitExplanation unit={data.units[0]!} method={data.method} labels={labels} order={3} />
      </>
    );
  }
  return (
    <>
      <Text size="sm">{context}</Text>
      {data.total && (
        <>
          <Title order={3} size="h4">
            {t('explain.total')}
          </Title>
          <RowFigures row={data.total} labels={labels} testId="explain-total" />
        </>
      )}
      <Title order={3} size="h4">
        {t('explain.byUnit', { count: data.units.length })}
      </Title>
      <Text size="sm" c="gray.7">
        {t('explain.byUnitHelp')}
      </Text>
      <Accordion multiple variant="separated" order={4} chevronPosition="left" data-testid="explain-units">
        {[...data.units]
          .sort((a, b) => labels.territory(a.territory).localeCompare(labels.territory(b.territory), labels.language))
          .map((u) => (
          <Accordion.Item key={u.territory.id} value={String(u.territory.id)} data-testid={`explain-unit-${u.territory.code}`}>
            <Accordion.Control>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text fw={600}>{labels.territory(u.territory)}</Text>
                <Text size="sm" className="gaps-num">
                  {t('explain.unitLine', {
                    need: u.row.need === null ? t('gaps.noEstimate') : labels.amount(u.row.need, u.row.needUnit),
                    capacity: labels.amount(u.row.capacity, u.row.capacityUnit),
                    coverage: u.row.coverage === null ? (u.row.need !== null && !u.row.comparable ? t('gaps.notComparable') : '—') : labels.percent(u.row.coverage),
                  })}
                </Text>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <UnitExplanation unit={u} method={data.method} labels={labels} order={5} />
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </>
  );
}

/** The four figures of a row, the gap marked in words as well as colour. */
function RowFigures({ row, labels, testId }: { row: TGapRow; labels: GapLabels; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Table withTableBorder tabularNums data-testid={testId} variant="vertical" layout="fixed">
      <Table.Tbody>
        <Table.Tr>
          <Table.Th scope="row">{t('gaps.columns.need')}</Table.Th>
          <Table.Td className="gaps-num">{row.need === null ? <NoFigure why={notShown(row)} labels={labels} /> : labels.amount(row.need, row.needUnit)}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th scope="row">{t('gaps.columns.capacity')}</Table.Th>
          <Table.Td className="gaps-num">{labels.amount(row.capacity, row.capacityUnit)}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th scope="row">{t('gaps.columns.gap')}</Table.Th>
          <Table.Td className="gaps-num">{row.gap === null ? <NoFigure why={notShown(row)} labels={labels} quiet={row.need === null} /> : <GapFigure gap={row.gap} labels={labels} />}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th scope="row">{t('gaps.columns.coverage')}</Table.Th>
          <Table.Td className="gaps-num">
            {row.coverage === null ? <NoFigure why={notShown(row)} labels={labels} quiet={row.need === null} /> : labels.percent(row.coverage)} {row.incomplete && <IncompleteMarker />}
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

function Arithmetic({ children, testId }: { children: string; testId?: string }) {
  return (
    <Text component="p" className="gaps-arithmetic" data-testid={testId}>
      {children}
    </Text>
  );
}

/** One municipality: its need (norm × target population, or users + waiting list), capacity and gap. */
function UnitExplanation({ unit, method, labels, order }: { unit: TExplainUnit; method: string; labels: GapLabels; order: HeadingOrder }) {
  const { t } = useTranslation();
  const { row } = unit;
  const sub = Math.min(order + 1, 6) as 4 | 5 | 6;
  return (
    <Stack gap="sm" data-testid="explain-unit">
      {order === 3 && <RowFigures row={row} labels={labels} testId="explain-row" />}

      <Title order={order} size="h5">
        {t('explain.needHeading')}
      </Title>
      {method === 'normative' ? (
        <NormativeNeed unit={unit} labels={labels} order={sub} />
      ) : method === 'survey' ? (
        <SurveyNeed unit={unit} labels={labels} />
      ) : (
        <ObservedNeed unit={unit} labels={labels} />
      )}

      <Title order={order} size="h5">
        {t('explain.capacityHeading')}
      </Title>
      <Sites unit={unit} labels={labels} />

      <Title order={order} size="h5">
        {t('explain.resultHeading')}
      </Title>
      {row.need !== null && !row.comparable ? (
        <Alert color="gray" icon={<IconInfoCircle aria-hidden />} data-testid="explain-not-comparable">
          {t('gaps.notComparableHelp')}
        </Alert>
      ) : row.need === null || row.gap === null ? (
        <Text size="sm">{t('explain.noGapWithoutNeed')}</Text>
      ) : (
        <>
          <Arithmetic testId="explain-gap-arithmetic">
            {t('explain.gapArithmetic', { need: labels.number(row.need, 1), capacity: labels.number(row.capacity, 1), gap: labels.number(row.gap, 1) })}
          </Arithmetic>
          <Text size="sm">
            <GapFigure gap={row.gap} labels={labels} />
          </Text>
          {row.coverage !== null && (
            <Arithmetic>
              {t('explain.coverageArithmetic', { need: labels.number(row.need, 1), capacity: labels.number(row.capacity, 1), coverage: labels.percent(row.coverage) })}
            </Arithmetic>
          )}
        </>
      )}
    </Stack>
  );
}

function NormativeNeed({ unit, labels, order }: { unit: TExplainUnit; labels: GapLabels; order: 4 | 5 | 6 }) {
  const { t } = useTranslation();
  const { norm, target, value, missing } = unit.normative;
  return (
    <Stack gap="xs">
      {missing === 'no_norm' && (
        <Alert color="orange" icon={<IconInfoCircle aria-hidden />} data-testid="explain-no-norm">
          {t('explain.noNorm')}
        </Alert>
      )}
      {norm && (
        <section>
          <Title order={order} size="h6" mb={4}>
            {t('explain.normHeading')}
          </Title>
          <Table variant="vertical" withTableBorder layout="fixed" data-testid="explain-norm">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row" w="40%">
                  {t('explain.norm.rate')}
                </Table.Th>
                <Table.Td>
                  <Group gap="xs">
                    {t('explain.norm.ratePer1000', { rate: labels.rate(norm.ratePer1000) })}
                    {norm.illustrative && <DemoBadge kind="illustrative" />}
                  </Group>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('explain.norm.target')}</Table.Th>
                <Table.Td>{labels.target(norm.target as TTargetPopulation)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('explain.norm.setFor')}</Table.Th>
                <Table.Td>
                  {labels.territory(norm.territory)}{' '}
                  <Text span size="sm" c="gray.7">
                    ({labels.level(norm.territory.country, norm.territory.level)})
                  </Text>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('explain.norm.source')}</Table.Th>
                <Table.Td>{norm.source ?? t('explain.norm.noSource')}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </section>
      )}
      {missing === 'no_target_population' && (
        <Alert color="orange" icon={<IconInfoCircle aria-hidden />} data-testid="explain-no-population">
          {t('explain.noTargetPopulation')}
        </Alert>
      )}
      {target && (
        <section>
          <Title order={order} size="h6" mb={4}>
            {t('explain.populationHeading')}
          </Title>
          <Text size="sm" data-testid="explain-population">
            <Text span fw={700} className="gaps-num">
              {labels.number(target.value)}
            </Text>{' '}
            — <PopulationHow source={target.source} labels={labels} />
          </Text>
        </section>
      )}
      {norm && target && value !== null && (
        <Arithmetic testId="explain-need-arithmetic">
          {t('explain.normativeArithmetic', {
            population: labels.number(target.value),
            rate: labels.rate(norm.ratePer1000),
            thousand: labels.number(1000),
            need: labels.number(value, 1),
          })}
        </Arithmetic>
      )}
    </Stack>
  );
}

/** Where a population figure came from, in words; an estimate says that it is one. */
function PopulationHow({ source, labels }: { source: PopulationSource; labels: GapLabels }) {
  const { t } = useTranslation();
  const parts: string[] = [t(`populationHow.${source.how}`)];
  if (source.how === 'direct') parts.push(t('explain.how.year', { year: source.year }));
  if (source.how === 'sum_of_parts') {
    parts.push(t('explain.how.parts', { count: source.parts ?? 0, year: source.year }));
    if (source.mixedYears) parts.push(t('explain.how.mixedYears'));
  }
  if (source.how === 'apportioned' && source.from && source.share) {
    parts.push(
      t('explain.how.apportioned', {
        unit: labels.territory(source.from.territory),
        value: labels.number(source.from.value),
        fromYear: source.from.year,
        own: labels.number(source.share.own),
        enclosing: labels.number(source.share.enclosing),
        share: labels.share(source.share.enclosing ? source.share.own / source.share.enclosing : 0),
        shareYear: source.share.year,
      }),
    );
  }
  if (source.approximated) parts.push(t('explain.how.approximated'));
  return (
    <>
      {parts.join('; ')}
      {source.how === 'apportioned' && (
        <>
          {' '}
          <Badge color="gray" variant="light" size="sm">
            {t('explain.how.estimate')}
          </Badge>
        </>
      )}
    </>
  );
}

/** A survey-based need: the estimate and its interval; the assessment shows how it was reached. */
function SurveyNeed({ unit, labels }: { unit: TExplainUnit; labels: GapLabels }) {
  const { t } = useTranslation();
  if (!unit.survey) return <Text size="sm">{t('explain.surveyNone')}</Text>;
  return (
    <Stack gap="xs">
      <Text size="sm">{t('explain.surveyHelp')}</Text>
      <Arithmetic testId="explain-need-arithmetic">
        {t('explain.surveyFigure', { need: labels.number(unit.survey.value, 1), low: labels.number(unit.survey.low, 1), high: labels.number(unit.survey.high, 1) })}
      </Arithmetic>
      <Anchor component={Link} to={`/assessments/${unit.survey.assessmentId}?tab=needs`} size="sm" data-testid="explain-survey-assessment">
        {t('explain.surveyAssessment')}
      </Anchor>
    </Stack>
  );
}

function ObservedNeed({ unit, labels }: { unit: TExplainUnit; labels: GapLabels }) {
  const { t } = useTranslation();
  const terms = unit.sites.map((s) => {
    const sum = t('explain.observedTerm', { users: labels.number(s.users ?? 0), waiting: labels.number(s.waitingList ?? 0) });
    return s.share === 1 ? sum : `${sum} × ${labels.share(s.share)}`;
  });
  return (
    <Stack gap="xs">
      <Text size="sm">{t('explain.observedHelp')}</Text>
      {unit.sites.length === 0 ? (
        <Text size="sm">{t('explain.observedNone')}</Text>
      ) : (
        <Arithmetic testId="explain-need-arithmetic">{`${terms.join(' + ')} = ${labels.number(unit.observed.value, 1)}`}</Arithmetic>
      )}
      {unit.observed.incomplete && (
        <Alert color="orange" icon={<IconInfoCircle aria-hidden />}>
          {t('explain.observedIncomplete')}
        </Alert>
      )}
    </Stack>
  );
}

function Sites({ unit, labels }: { unit: TExplainUnit; labels: GapLabels }) {
  const { t } = useTranslation();
  if (unit.sites.length === 0) return <Text size="sm" data-testid="explain-no-sites">{t('explain.noSites')}</Text>;
  const terms = unit.sites.map((s) => (s.share === 1 ? labels.number(s.capacity) : `${labels.number(s.capacity)} × ${labels.share(s.share)}`));
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={560}>
        <Table striped tabularNums withTableBorder data-testid="explain-sites">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('explain.sites.name')}</Table.Th>
              <Table.Th scope="col">{t('explain.sites.settlement')}</Table.Th>
              <Table.Th scope="col" className="gaps-num">
                {t('explain.sites.capacity')}
              </Table.Th>
              <Table.Th scope="col" className="gaps-num">
                {t('explain.sites.users')}
              </Table.Th>
              <Table.Th scope="col" className="gaps-num">
                {t('explain.sites.waitingList')}
              </Table.Th>
              <Table.Th scope="col" className="gaps-num">
                {t('explain.sites.share')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {unit.sites.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <span>{s.name}</span>
                    {s.demo && <DemoBadge />}
                  </Group>
                </Table.Td>
                <Table.Td>{labels.territory(s.settlement)}</Table.Td>
                <Table.Td className="gaps-num">{labels.number(s.capacity)}</Table.Td>
                <Table.Td className="gaps-num">{labels.number(s.users)}</Table.Td>
                <Table.Td className="gaps-num">{labels.number(s.waitingList)}</Table.Td>
                <Table.Td className="gaps-num">
                  {labels.share(s.share)}
                  <Text size="xs" c="gray.7">
                    {s.shareBasis === 'target_population'
                      ? t('explain.shareBasis.target_population', { weight: labels.number(s.weight) })
                      : t(`explain.shareBasis.${s.shareBasis}`)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Arithmetic testId="explain-capacity-arithmetic">{`${terms.join(' + ')} = ${labels.number(unit.row.capacity, 1)}`}</Arithmetic>
    </Stack>
  );
}
