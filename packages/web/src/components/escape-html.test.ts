import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from './escape-html';

describe('escapeHtml', () => {
  it('writes markup characters as entities', () => {
    expect(escapeHtml('<img src=x onerror="window.__pwned=1">')).toBe('&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;');
    expect(escapeHtml("Том & Джері's")).toBe('Том &amp; Джері&#39;s');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(12.5)).toBe('12.5');
  });

  it('leaves no tag and no quote that could end an attribute, for any text (property)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const out = escapeHtml(text);
        expect(out).not.toMatch(/[<>"']/);
        // Read back as a browser does, the text is the same.
        expect(out.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&')).toBe(text);
      }),
    );
  });
});

describe('html', () => {
  it('escapes what is put in and keeps the markup of the template', () => {
    const name = '<img src=x onerror=alert(1)>';
    expect(html`${name}<br/><b>${'1 < 2'}</b>`).toBe('&lt;img src=x onerror=alert(1)&gt;<br/><b>1 &lt; 2</b>');
    expect(html`plain`).toBe('plain');
  });
});
