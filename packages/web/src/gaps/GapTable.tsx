import { Table, Text, Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import { IconAlertTriangle, IconArrowDownRight, IconArrowUpRight, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TNotShown } from '@potreby/domain';
import type { TGapRow } from '@potreby/server/gaps/schema';
import { FigureButton } from './FigureButton';
import type { GapLabels } from './use-gap-labels';
import './gaps.css';

export type Figure = 'need' | 'capacity' | 'gap' | 'coverage';

/** Need, capacity, gap and coverage by service type; every figure opens its explanation. */
export function GapTable(props: { rows: TGapRow[]; labels: GapLabels; onExplain: (serviceType: string, figure: Figure) => void }) {
  const { t } = useTranslation();
  const { labels } = props;

  const figure = (row: TGapRow, which: Figure, text: string, content: React.ReactNode = text) => (
    <FigureButton
      label={t('gaps.figureButton', { value: text, figure: t(`gaps.columns.${which}`), serviceType: labels.serviceType(row.serviceType) })}
      onClick={() => props.onExplain(row.serviceType, which)}
      testId={`gap-${which}-${row.serviceType}`}
    >
      {content}
    </FigureButton>
  );

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover tabularNums verticalSpacing={6} data-testid="gap-table">
        <caption>
          <VisuallyHidden>{t('gaps.table.caption')}</VisuallyHidden>
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('gaps.columns.serviceType')}</Table.Th>
            <Table.Th scope="col">{t('gaps.columns.unit')}</Table.Th>
            <Table.Th scope="col" className="gaps-num">
              {t('gaps.columns.need')}
            </Table.Th>
            <Table.Th scope="col" className="gaps-num">
              {t('gaps.columns.capacity')}
            </Table.Th>
            <Table.Th scope="col" className="gaps-num">
              {t('gaps.columns.gap')}
            </Table.Th>
            <Table.Th scope="col" className="gaps-num">
              {t('gaps.columns.coverage')}
            </Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('gaps.columns.notes')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.rows.map((row) => (
            <Table.Tr key={row.serviceType} data-testid={`gap-row-${row.serviceType}`}>
              <Table.Th scope="row" fw={500}>
                {labels.serviceType(row.serviceType)}
              </Table.Th>
              <Table.Td>
                <Text size="sm" c="gray.7" data-testid={`gap-unit-${row.serviceType}`}>
                  {row.needUnit === row.capacityUnit
                    ? labels.unitName(row.capacityUnit)
                    : t('gaps.unitsApart', { need: labels.unitName(row.needUnit), capacity: labels.unitName(row.capacityUnit) })}
                </Text>
              </Table.Td>
              <Table.Td className="gaps-num">
                {row.need === null ? <NoFigure why={row.missing ?? 'no_norm'} labels={labels} testId={`gap-no-estimate-${row.serviceType}`} /> : figure(row, 'need', labels.number(row.need, 1))}
                {row.needLow !== null && row.needHigh !== null && <Interval low={row.needLow} high={row.needHigh} labels={labels} testId={`gap-need-interval-${row.serviceType}`} />}
              </Table.Td>
              <Table.Td className="gaps-num">{figure(row, 'capacity', labels.number(row.capacity, 1))}</Table.Td>
              <Table.Td className="gaps-num">
                {row.gap === null ? <NoFigure why={notShown(row)} labels={labels} quiet /> : figure(row, 'gap', gapParts(row.gap, labels, t).text, <GapFigure gap={row.gap} labels={labels} />)}
                {row.gapLow !== null && row.gapHigh !== null && <Interval low={row.gapLow} high={row.gapHigh} labels={labels} testId={`gap-gap-interval-${row.serviceType}`} />}
              </Table.Td>
              <Table.Td className="gaps-num" data-testid={`gap-coverage-cell-${row.serviceType}`}>
                {row.coverage !== null ? (
                  figure(row, 'coverage', labels.percent(row.coverage))
                ) : row.need === 0 && row.comparable ? (
                  <NotApplicable />
                ) : (
                  <NoFigure why={notShown(row)} labels={labels} quiet={row.need === null} />
                )}
              </Table.Td>
              {/* Without any need figure the row already says "no estimate" and why. */}
              <Table.Td>{row.incomplete && row.need !== null && <IncompleteMarker />}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A gap told apart by icon, word and weight, not by colour alone (WCAG 1.4.1). */
export function gapParts(gap: number, labels: GapLabels, t: (key: string) => string) {
  const kind = gap > 0 ? 'shortfall' : gap < 0 ? 'surplus' : 'balanced';
  const word = t(`gaps.${kind}Word`);
  const number = labels.number(Math.abs(gap), 1);
  return { kind, text: `${word} ${number}`, word, number };
}

export function GapFigure(props: { gap: number; labels: GapLabels }) {
  const { t } = useTranslation();
  const { kind, word, number } = gapParts(props.gap, props.labels, t);
  const Icon = kind === 'shortfall' ? IconArrowUpRight : IconArrowDownRight;
  return (
    <span className={`gaps-gap gaps-${kind}`}>
      {kind !== 'balanced' && <Icon size={14} aria-hidden />}
      <span className="gaps-gap-word">{word}</span>
      <span>{number}</span>
    </span>
  );
}

/** A marker whose explanation shows on hover or focus and is read out by screen readers. */
function Hint(props: { help: string; children: React.ReactNode; testId?: string; color: string }) {
  const id = useId();
  return (
    <Tooltip label={props.help} multiline w={300} withArrow>
      <UnstyledButton aria-describedby={id} data-testid={props.testId} className="gaps-hint" c={props.color}>
        {props.children}
        <VisuallyHidden id={id}>{props.help}</VisuallyHidden>
      </UnstyledButton>
    </Tooltip>
  );
}

/** Coverage of a need of zero: nothing to cover. */
function NotApplicable() {
  const { t } = useTranslation();
  return (
    <Text span size="sm" c="gray.7">
      <span aria-hidden>—</span>
      <VisuallyHidden>{t('gaps.noNeed')}</VisuallyHidden>
    </Text>
  );
}

/** The 95 % interval of a survey-based figure, under the figure. */
function Interval(props: { low: number; high: number; labels: GapLabels; testId: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <Hint help={t('gaps.intervalHelp')} color="gray.7" testId={props.testId}>
        {t('gaps.interval', { low: props.labels.number(props.low, 1), high: props.labels.number(props.high, 1) })}
      </Hint>
    </div>
  );
}

/** Why a row has no gap or coverage: no estimate of its need, or a need that does not compare with its capacity. */
export const notShown = (row: Pick<TGapRow, 'need' | 'missing' | 'comparable'>): TNotShown | null =>
  row.need === null ? (row.missing ?? 'no_norm') : row.comparable ? null : 'not_comparable';

/**
 * No figure, said in words with its reason ("no estimate: no survey results …", "not
 * comparable"), never a 0. `quiet` draws a dash where the need's cell already says why.
 */
export function NoFigure(props: { why: TNotShown | null; labels: GapLabels; quiet?: boolean; testId?: string }) {
  const { t } = useTranslation();
  if (props.why === null) return <span>—</span>;
  const word = t(props.why === 'not_comparable' ? 'gaps.notComparable' : 'gaps.noEstimate');
  const help = props.why === 'not_comparable' ? t('gaps.notComparableHelp') : `${word}: ${props.labels.why(props.why)}`;
  return (
    // gray.8: readable on the striped rows' tint as well (WCAG 1.4.3).
    <Hint help={help} color="gray.8" testId={props.testId}>
      {props.quiet ? <span aria-hidden>—</span> : <span className="gaps-no-figure">{word}</span>}
      <IconInfoCircle size={14} aria-hidden />
    </Hint>
  );
}

export function IncompleteMarker() {
  const { t } = useTranslation();
  return (
    // The word in dark grey (small orange text on the striped rows falls below 4.5:1), the icon orange.
    <Hint help={t('gaps.incompleteHelp')} color="gray.8" testId="gap-incomplete">
      <IconAlertTriangle size={14} aria-hidden color="var(--mantine-color-orange-9)" />
      {t('gaps.incomplete')}
      <IconInfoCircle size={14} aria-hidden />
    </Hint>
  );
}
