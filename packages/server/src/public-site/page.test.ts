import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDataCsv, openDataRows } from './open-data';
import { renderPublished } from './page';
import { publicCount, SMALL_CELL, type PublishedPlace } from './published';

const place = (name: string, users: number, title: string): PublishedPlace => ({
  parts: [
    {
      territory: { id: 1, code: 'PAZ19', name: 'Пазарджик', level: 'municipality' },
      textLanguage: 'bg',
      publishedOn: { services: '2026-12-01T10:00:00Z', fiches: '2026-12-01T10:00:00Z' },
      sections: {
        services: { year: 2025, sites: [{ name, settlement: 'Пазарджик', serviceType: 'Дневна грижа', capacity: 20, unit: 'места', users: publicCount(users), waitingList: publicCount(0) }], totals: [{ unit: 'места', capacity: 20 }], map: null },
        fiches: { items: [{ title, problems: [name], objectives: '', settlements: [], totalCost: 1000, currency: 'EUR', status: 'Избран' }] },
      },
    },
  ],
});

describe('the published sections of a public page', () => {
  it('shows a count only from the threshold up, and a zero as zero', () => {
    fc.assert(
      fc.property(fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }), (n) => {
        const c = publicCount(n);
        if (n === null) expect(c).toEqual({ value: null, fewerThan: null });
        else if (n > 0 && n < SMALL_CELL) expect(c).toEqual({ value: null, fewerThan: SMALL_CELL });
        else expect(c).toEqual({ value: n, fewerThan: null });
      }),
    );
  });

  it('escapes every stored text, marks the authority’s words in its language, and keeps small counts out', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: SMALL_CELL - 1 }), fc.string(), (name, users, title) => {
        const html = renderPublished(place(`<script>${name}`, users, `"${title}'&`), 'en', (code) => `/api/v1/public/territories/BG/${code}`, 1);
        expect(html).not.toContain('<script');
        expect(html).toContain('fewer than 5');
        expect(html).toContain('<span lang="bg">&#60;script&#62;');
        expect(html).toContain('/api/v1/public/territories/BG/PAZ19/open-data/services?format=csv&amp;lang=en');
        expect(html).not.toContain('Gaps');
      }),
      { numRuns: 50 },
    );
  });

  it('says nothing is published when nothing is', () => {
    expect(renderPublished({ parts: [] }, 'pl', () => '', 1)).toContain('Nic tu jeszcze nie opublikowano.');
  });

  it('writes the CSV with headers in the reader’s language, formula-safe cells and small counts as words', () => {
    const csv = openDataCsv('services', openDataRows(place('=HYPERLINK("x")', 3, 'T'), 'services', 'uk'), 'uk');
    const [header, row] = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(header).toBe('Громада,Надавач послуги (місце),Населений пункт,Послуга,Потужність,Одиниця,Отримувачі,Черга,Рік');
    expect(row).toContain(`"'=HYPERLINK(""x"")"`);
    expect(row).toContain('менше ніж 5');
    expect(() => openDataRows(place('a', 9, 'b'), 'gaps', 'en')).toThrow('not_found');
  });
});
