import * as echarts from 'echarts';
import { formatNumber, type TLanguage } from '@potreby/i18n';
import type { TBlock } from './document-blocks';

type TChart = Extract<TBlock, { kind: 'chart' }>;

/**
 * A document's bar chart drawn by ECharts on the server (its SVG renderer needs no browser), for
 * the PDF: horizontal bars with their figures at the end, the unit named under the axis. Text is set
 * in the PDF's own font by the writer (pdfmake's SVG fonts), so Cyrillic and Polish letters hold.
 */
export function chartSvg(chart: TChart, width: number, language: TLanguage): { svg: string; height: number } {
  // Every bar gets the same row (ECharts divides the axis evenly), tall enough for the longest
  // label broken into lines: about 6 points a letter at 9 points, words kept whole.
  const labelWidth = Math.round(width * 0.35);
  const lines = Math.max(1, ...chart.bars.map((b) => Math.ceil((b.label.length * 6) / labelWidth)));
  const height = 60 + chart.bars.length * Math.max(28, lines * 12 + 8);
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  instance.setOption({
    animation: false,
    // The unit under the axis, centred: at the axis's end it ran into the longest bar's figure.
    grid: { left: 8, right: 72, top: 16, bottom: 28, containLabel: true },
    xAxis: { type: 'value', name: chart.unit, nameLocation: 'middle', nameGap: 22, nameTextStyle: { fontSize: 9 }, axisLabel: { fontSize: 8, formatter: (value: number) => formatNumber(language, value) }, splitNumber: 4 },
    yAxis: { type: 'category', inverse: true, data: chart.bars.map((b) => b.label), axisLabel: { fontSize: 9, width: labelWidth, overflow: 'break' } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 18,
        itemStyle: { color: '#1f5c99' },
        // A bar without a figure is not drawn; its label at the axis says there is none.
        data: chart.bars.map((b) => (b.value === null ? { value: 0, itemStyle: { opacity: 0 } } : b.value)),
        label: { show: true, position: 'right', fontSize: 9, formatter: ({ dataIndex }: { dataIndex: number }) => chart.bars[dataIndex]!.text },
      },
    ],
  });
  // ECharts outlines a bar's figure in white (paint-order="stroke", drawn under the letters); the
  // PDF's SVG drawing knows no paint-order and would paint the outline over them.
  const svg = instance.renderToSVGString().replace(/ stroke="[^"]*" stroke-width="[\d.]+" paint-order="stroke"/g, '');
  instance.dispose();
  return { svg, height };
}
