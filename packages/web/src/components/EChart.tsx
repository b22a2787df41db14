import { useEffect, useRef } from 'react';
import { Box } from '@mantine/core';
import * as echarts from 'echarts/core';
import { BarChart, MapChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

// The one place where chart pieces are registered (keeps the bundle to what we use).
echarts.use([BarChart, MapChart, GridComponent, TooltipComponent, LegendComponent, VisualMapComponent, TitleComponent, DatasetComponent, CanvasRenderer]);

/** Register GeoJSON for a `map` series (the choropleth), e.g. `registerMap('PAZ', featureCollection)`. */
export const registerMap = echarts.registerMap;
export type { EChartsCoreOption };

// Each event has its own parameters (ECElementEvent, a map's selectchanged, …); the handler knows which.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type EChartEvents = Record<string, (params: any) => void>;

export type EChartProps = {
  option: EChartsCoreOption;
  height?: number | string;
  /** What the chart shows, for screen readers; put the same figures in a table next to it. */
  ariaLabel: string;
  onEvents?: EChartEvents;
  'data-testid'?: string;
};

/**
 * A minimal React wrapper around an ECharts instance (resizes with its box, disposes on unmount).
 * ECharts escapes the names in its own tooltips, but shows the string a `tooltip.formatter`
 * returns as HTML: build that string with html`…` from escape-html.ts, never from raw names.
 */
export function EChart({ option, height = 320, ariaLabel, onEvents, ...rest }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onEvents) return;
    for (const [name, handler] of Object.entries(onEvents)) instance.on(name, handler);
    return () => {
      for (const [name, handler] of Object.entries(onEvents)) instance.off(name, handler);
    };
  }, [onEvents]);

  return <Box ref={ref} role="img" aria-label={ariaLabel} h={height} w="100%" data-testid={rest['data-testid']} />;
}
