import { useMemo } from 'react';
import * as echarts from 'echarts/core';
import type { CustomSeriesRenderItemAPI } from 'echarts';
import { CustomChart } from 'echarts/charts';
import { EChart } from '../components/EChart';
import { html } from '../components/escape-html';

// Whiskers are drawn by a custom series; the shared wrapper registers only the common pieces.
echarts.use([CustomChart]);

export type TIntervalPoint = { value: number; low: number; high: number } | null;
export type TIntervalSeries = { name: string; color: string; points: TIntervalPoint[] };

type Props = {
  /** One row per category (service type), top to bottom. */
  categories: string[];
  series: TIntervalSeries[];
  /** How a value is written on the axis and in the tooltip. */
  format: (value: number) => string;
  /** For screen readers; the same figures are in the table next to the chart. */
  ariaLabel: string;
  /** Fix the value axis (0–1 for shares). */
  max?: number;
  'data-testid'?: string;
};

/**
 * The tooltip of one whisker: category, series (when there are several), estimate and interval.
 * ECharts shows it as HTML, and category and series names come from users (a service type of a
 * tag was once `<img src=x onerror=…>`): every name and figure goes in escaped.
 */
export function intervalTooltip(categories: readonly string[], series: number, format: (value: number) => string) {
  return (p: { seriesName: string; value: number[] }): string => {
    const [cat, value, low, high] = p.value as [number, number, number, number];
    const name = series > 1 ? html`${p.seriesName}: ` : '';
    return html`${categories[cat]}<br/>` + name + html`<b>${format(value)}</b> (${format(low)} – ${format(high)})`;
  };
}

/**
 * Estimates with their 95 % intervals: a dot for the estimate and a bar with caps from the lower
 * to the upper bound, one row per category, several series side by side within a row.
 */
export function IntervalChart({ categories, series, format, ariaLabel, max, ...rest }: Props) {
  const option = useMemo(() => {
    const n = series.length;
    return {
      animation: false,
      grid: { left: 8, right: 24, top: n > 1 ? 32 : 8, bottom: 24, containLabel: true },
      legend: n > 1 ? { top: 0, data: series.map((s) => s.name) } : undefined,
      tooltip: { trigger: 'item', formatter: intervalTooltip(categories, n, format) },
      xAxis: { type: 'value', min: 0, max, axisLabel: { formatter: (v: number) => format(v), color: '#343a40' }, splitLine: { lineStyle: { color: '#e9ecef' } } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: categories,
        axisLabel: { width: 220, overflow: 'truncate', color: '#212529' },
        axisTick: { show: false },
      },
      series: series.map((s, si) => ({
        type: 'custom',
        name: s.name,
        itemStyle: { color: s.color },
        encode: { x: [1, 2, 3], y: 0, tooltip: [1, 2, 3] },
        data: s.points.flatMap((p, cat) => (p ? [[cat, p.value, p.low, p.high]] : [])),
        renderItem: (_params: unknown, api: CustomSeriesRenderItemAPI) => {
          const cat = api.value(0);
          const point = (dimension: number) => api.coord([api.value(dimension), cat]) as [number, number];
          const [centre, from, to] = [point(1), point(2), point(3)];
          // The height of one category row, in pixels (size exists on cartesian axes, as here).
          const band = (api.size!([0, 1]) as [number, number])[1];
          // Series share the row: spread them over its middle half.
          const y = centre[1] + (n > 1 ? ((si - (n - 1) / 2) * band * 0.5) / n : 0);
          const cap = Math.max(3, Math.min(7, band * 0.15));
          const stroke = { stroke: s.color, lineWidth: 2 };
          return {
            type: 'group',
            children: [
              { type: 'line', shape: { x1: from[0], y1: y, x2: to[0], y2: y }, style: stroke },
              { type: 'line', shape: { x1: from[0], y1: y - cap, x2: from[0], y2: y + cap }, style: stroke },
              { type: 'line', shape: { x1: to[0], y1: y - cap, x2: to[0], y2: y + cap }, style: stroke },
              { type: 'circle', shape: { cx: centre[0], cy: y, r: 5 }, style: { fill: s.color, stroke: '#fff', lineWidth: 1 } },
            ],
          };
        },
      })),
    };
  }, [categories, series, format, max]);

  const height = Math.max(160, 48 + categories.length * (series.length > 1 ? 48 : 36));
  return <EChart option={option} height={height} ariaLabel={ariaLabel} data-testid={rest['data-testid']} />;
}
