import { useMemo } from 'react';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { TGapRow } from '@potreby/server/gaps/schema';
import { EChart, type EChartsCoreOption } from '../components/EChart';
import { html } from '../components/escape-html';
import type { GapLabels } from './use-gap-labels';

const NEED_COLOUR = '#1c7ed6';
const CAPACITY_COLOUR = '#2b8a3e';

/**
 * Need against capacity by service type, as horizontal bars (long names stay readable).
 * Clicking a bar opens the same explanation as the table's figures.
 */
export function GapChart(props: { rows: TGapRow[]; labels: GapLabels; onExplain: (serviceType: string) => void }) {
  const { t } = useTranslation();
  const { rows, labels, onExplain } = props;
  const phone = useMediaQuery('(max-width: 600px)');
  // Bottom-up in the chart reads top-down like the table.
  const ordered = useMemo(() => [...rows].reverse(), [rows]);
  const names = ordered.map((r) => labels.serviceType(r.serviceType));
  const needLabel = t('gaps.chart.need');
  const capacityLabel = t('gaps.chart.capacity');
  const key = `${labels.language}|${names.join('|')}`;

  const option = useMemo<EChartsCoreOption>(
    () => ({
      animation: false,
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, data: [needLabel, capacityLabel], textStyle: { color: '#343a40' } },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        // Each figure with its own unit; a survey's persons beside places are said not to compare.
        formatter: (params: { dataIndex: number; seriesIndex: number; marker: string }[]) => {
          const row = ordered[params[0]?.dataIndex ?? -1];
          if (!row) return '';
          const need = row.need === null ? `${t('gaps.noEstimate')} (${labels.why(row.missing ?? 'no_norm')})` : labels.amount(row.need, row.needUnit);
          const lines = [
            html`${labels.serviceType(row.serviceType)}`,
            ...params.map((p) => p.marker + html`${p.seriesIndex === 0 ? needLabel : capacityLabel}: ${p.seriesIndex === 0 ? need : labels.amount(row.capacity, row.capacityUnit)}`),
          ];
          if (!row.comparable) lines.push(html`${t('gaps.notComparable')}`);
          return lines.join('<br>');
        },
      },
      xAxis: { type: 'value', splitNumber: phone ? 2 : 5, axisLabel: { color: '#343a40', hideOverlap: true, formatter: (v: number) => labels.number(v) } },
      yAxis: {
        type: 'category',
        data: names,
        axisLabel: { color: '#343a40', width: phone ? 120 : 220, overflow: 'truncate', fontSize: phone ? 11 : 12 },
      },
      series: [
        { name: needLabel, type: 'bar', data: ordered.map((r) => r.need), itemStyle: { color: NEED_COLOUR }, barGap: '10%', cursor: 'pointer' },
        {
          name: capacityLabel,
          type: 'bar',
          data: ordered.map((r) => r.capacity),
          cursor: 'pointer',
          // A pattern as well as a colour, so the two series differ for colour-blind readers too.
          itemStyle: { color: CAPACITY_COLOUR, decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [3, 3], rotation: Math.PI / 4, color: 'rgba(255,255,255,0.45)' } },
        },
      ],
    }),
    // Labels change only with the language or the rows, both in the key.
    [ordered, key, needLabel, capacityLabel, phone],
  );

  const onEvents = useMemo(
    () => ({
      click: (p: { dataIndex?: number }) => {
        const row = p.dataIndex === undefined ? undefined : ordered[p.dataIndex];
        if (row) onExplain(row.serviceType);
      },
    }),
    [ordered, onExplain],
  );

  return (
    <EChart
      option={option}
      onEvents={onEvents}
      height={Math.max(240, ordered.length * 44 + 60)}
      ariaLabel={t('gaps.chart.ariaLabel')}
      data-testid="gap-chart"
    />
  );
}
