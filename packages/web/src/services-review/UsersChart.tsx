import { useMemo } from 'react';
import { useMediaQuery } from '@mantine/hooks';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TServicesReview } from '@potreby/server/services-review/schema';
import { EChart, type EChartsCoreOption } from '../components/EChart';
import { html } from '../components/escape-html';
import { useFormat } from '../app/format';

/**
 * Users of each active service, year by year: one bar series per service. Only users are drawn —
 * capacity is in places or persons a year depending on the service, and is shown in the list
 * beside its own unit, never on one axis with users. A year a site did not report is a gap, not 0.
 */
export function UsersChart({ review }: { review: TServicesReview }) {
  const { t } = useTranslation();
  const format = useFormat();
  const phone = useMediaQuery('(max-width: 600px)');
  const years = review.years;
  const reported = review.services.some((s) => s.figures.some((f) => f.users !== null));

  const option = useMemo<EChartsCoreOption>(
    () => ({
      animation: false,
      grid: { left: 8, right: 16, top: 16, bottom: phone ? 72 : 56, containLabel: true },
      legend: { type: 'scroll', bottom: 0, textStyle: { color: '#343a40', width: phone ? 200 : 320, overflow: 'truncate' } },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        // Service names are stored text: escaped (escape-html.ts), never written raw into the tooltip's HTML.
        formatter: (params: { seriesName: string; value: number | null; marker: string; axisValue: string }[]) =>
          [html`${params[0]?.axisValue ?? ''}`, ...params.filter((p) => p.value !== null && p.value !== undefined).map((p) => p.marker + html`${p.seriesName}: ${format.number(p.value)}`)].join('<br>'),
      },
      xAxis: { type: 'category', data: years.map(String), axisLabel: { color: '#343a40' } },
      yAxis: { type: 'value', splitNumber: phone ? 3 : 5, axisLabel: { color: '#343a40', formatter: (v: number) => format.number(v) } },
      series: review.services.map((s) => ({
        name: s.name,
        type: 'bar',
        data: years.map((y) => s.figures.find((f) => f.year === y)?.users ?? null),
      })),
    }),
    [review, format.language, phone],
  );

  if (!reported) return <Text c="dimmed">{t('review.chartEmpty')}</Text>;
  return <EChart option={option} height={phone ? 300 : 340} ariaLabel={t('review.chartTitle')} data-testid="review-chart" />;
}
