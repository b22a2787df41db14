import { describe, expect, it } from 'vitest';
import { intervalTooltip } from './IntervalChart';

/** Security review, issue 6, finding 3: a service type `<img src=x onerror=…>` ran when the chart was hovered. */
describe('the interval chart’s tooltip', () => {
  const format = (v: number) => v.toFixed(1);

  it('shows names as text, however they are written', () => {
    const tooltip = intervalTooltip(['<img src=x onerror="window.__pwned=1">', 'Догляд вдома'], 2, format);
    const out = tooltip({ seriesName: '<b onmouseover=alert(1)>Потреба</b>', value: [0, 12, 8, 16.5] });
    expect(out).toBe('&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;<br/>&lt;b onmouseover=alert(1)&gt;Потреба&lt;/b&gt;: <b>12.0</b> (8.0 – 16.5)');
    expect(out).not.toMatch(/<img|<b /);
  });

  it('leaves the series out when there is one', () => {
    expect(intervalTooltip(['Догляд вдома'], 1, format)({ seriesName: 'Потреба', value: [0, 1, 0.5, 2] })).toBe('Догляд вдома<br/><b>1.0</b> (0.5 – 2.0)');
  });
});
