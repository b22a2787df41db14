import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMAT_COLUMNS, type TImportKind } from './formats';
import { ImportErrorList } from './import-error';
import { createRowParser } from './parse-rows';

const canonical = (kind: TImportKind) => FORMAT_COLUMNS[kind].map((c) => c.name);

/** Parses one row given as column → cell, in canonical column order. */
function parse<K extends TImportKind>(kind: K, cells: Record<string, string>, row = 2) {
  const columns = canonical(kind);
  const errors = new ImportErrorList();
  const record = createRowParser(kind, columns).parse(
    columns.map((c) => cells[c] ?? ''),
    row,
    errors,
  );
  return { record, errors: errors.errors };
}

describe('territories rows', () => {
  const khmilnyk = {
    code: 'UA05120170000013778',
    name: 'Хмільницька',
    level: 'municipality',
    parent_code: 'UA05120000000017020',
    country: 'ua',
    lat: '49,5597',
    lon: '27.9574',
  };

  it('reads a hromada, keeping its code as written and the country in capitals', () => {
    expect(parse('territories', khmilnyk)).toEqual({
      record: {
        code: 'UA05120170000013778',
        name: 'Хмільницька',
        nameEn: null,
        level: 'municipality',
        parentCode: 'UA05120000000017020',
        country: 'UA',
        lat: 49.5597,
        lon: 27.9574,
      },
      errors: [],
    });
  });

  it('keeps the leading zeros of EKATTE and TERYT codes', () => {
    expect(parse('territories', { ...khmilnyk, code: '00014', parent_code: '0609013', country: 'BG' }).record).toMatchObject({
      code: '00014',
      parentCode: '0609013',
    });
  });

  it('needs no parent for the country itself, and one for anything else', () => {
    expect(parse('territories', { code: 'BG', name: 'България', level: 'country', country: 'BG' }).errors).toEqual([]);
    expect(parse('territories', { ...khmilnyk, parent_code: '' }).errors).toEqual([{ row: 2, column: 'parent_code', value: '', code: 'required' }]);
  });

  it('reports every wrong cell of the row, with the value as written (its first 100 characters)', () => {
    const { record, errors } = parse('territories', { code: '', name: 'x'.repeat(301), level: 'province', country: 'RO', lat: '91', lon: 'east' }, 7);
    expect(record).toBeNull();
    expect(errors).toEqual([
      { row: 7, column: 'code', value: '', code: 'required' },
      { row: 7, column: 'name', value: `${'x'.repeat(100)}…`, code: 'too_long', params: { max: 300 } },
      { row: 7, column: 'level', value: 'province', code: 'invalid_choice', params: { allowed: 'country, region, district, municipality, settlement' } },
      { row: 7, column: 'country', value: 'RO', code: 'unknown_country', params: { allowed: 'BG, UA, PL' } },
      { row: 7, column: 'lat', value: '91', code: 'out_of_range', params: { min: -90, max: 90 } },
      { row: 7, column: 'lon', value: 'east', code: 'not_number' },
    ]);
  });
});

describe('population rows', () => {
  const band = { code: 'PAZ', year: '2021', sex: 'f', age_from: '0', age_to: '4', count: '6 130' };

  it('reads a band, with sex in any case and grouped thousands', () => {
    expect(parse('population', band)).toEqual({
      record: { code: 'PAZ', year: 2021, sex: 'F', ageFrom: 0, ageTo: 4, count: 6130 },
      errors: [],
    });
  });

  it('reads an empty age_to as "and over"', () => {
    expect(parse('population', { ...band, age_from: '100', age_to: '' }).record).toMatchObject({ ageFrom: 100, ageTo: null });
  });

  it('refuses a band that ends before it starts, negative counts and years out of range', () => {
    expect(parse('population', { ...band, age_from: '10', age_to: '4', count: '-1', year: '1899' }).errors).toEqual([
      { row: 2, column: 'year', value: '1899', code: 'out_of_range', params: { min: 1900, max: 2100 } },
      { row: 2, column: 'count', value: '-1', code: 'negative' },
      { row: 2, column: 'age_to', value: '4', code: 'age_order', params: { ageFrom: 10 } },
    ]);
  });

  it('reads a quoted English "1,000" as a thousand persons, never as 1, and refuses what could be either', () => {
    expect(parse('population', { ...band, count: '1,000' }).record).toMatchObject({ count: 1000 });
    expect(parse('population', { ...band, count: '1 000' }).record).toMatchObject({ count: 1000 });
    expect(parse('population', { ...band, count: '1.000' }).errors).toEqual([{ row: 2, column: 'count', value: '1.000', code: 'ambiguous_number' }]);
    expect(parse('population', { ...band, count: '1,5' }).errors).toEqual([{ row: 2, column: 'count', value: '1,5', code: 'not_integer' }]);
  });

  it('accepts only F, M and T for sex (not the Cyrillic Ж or М)', () => {
    expect(parse('population', { ...band, sex: 'Ж' }).errors).toEqual([
      { row: 2, column: 'sex', value: 'Ж', code: 'invalid_choice', params: { allowed: 'F, M, T' } },
    ]);
    expect(parse('population', { ...band, sex: 'М' }).record).toBeNull();
  });

  it('reads the columns wherever they are, and a file without age_to as all bands closed by age_from only', () => {
    const errors = new ImportErrorList();
    const parser = createRowParser('population', ['count', null, 'sex', 'age_from', 'year', 'code']);
    expect(parser.parse(['12', 'ignored', 'T', '65', '2020', '0609013'], 3, errors)).toEqual({
      code: '0609013',
      year: 2020,
      sex: 'T',
      ageFrom: 65,
      ageTo: null,
      count: 12,
    });
    expect(errors.ok).toBe(true);
  });

  it('reads every valid row without an error, whatever the spelling of its numbers', () => {
    const row = fc.record({
      code: fc.stringMatching(/^[A-Z0-9]{1,20}$/),
      year: fc.integer({ min: 1900, max: 2100 }),
      sex: fc.constantFrom('F', 'M', 'T', 'f', 'm', 't'),
      ageFrom: fc.integer({ min: 0, max: 130 }),
      width: fc.option(fc.integer({ min: 0, max: 20 })),
      count: fc.integer({ min: 0, max: 2_000_000_000 }),
      grouped: fc.boolean(),
    });
    fc.assert(
      fc.property(row, (r) => {
        const ageTo = r.width === null ? null : Math.min(130, r.ageFrom + r.width);
        const countText = r.grouped ? r.count.toLocaleString('fr-FR').replace(/\u202f/g, ' ') : String(r.count);
        const cells = { code: r.code, year: String(r.year), sex: r.sex, age_from: String(r.ageFrom), age_to: ageTo === null ? '' : String(ageTo), count: countText };
        const { record, errors } = parse('population', cells);
        expect(errors).toEqual([]);
        expect(record).toEqual({ code: r.code, year: r.year, sex: r.sex.toUpperCase(), ageFrom: r.ageFrom, ageTo, count: r.count });
      }),
    );
  });
});

describe('indicators rows', () => {
  it('reads a figure with a decimal comma and a dotted source date', () => {
    expect(
      parse('indicators', { code: 'PAZ19', year: '2023', indicator: 'idp', value: '12,5', source: 'Агенция за социално подпомагане', source_date: '31.12.2023' }),
    ).toEqual({
      record: { code: 'PAZ19', year: 2023, indicator: 'idp', value: 12.5, source: 'Агенция за социално подпомагане', sourceDate: '2023-12-31' },
      errors: [],
    });
  });

  it('needs a source and a non-negative value', () => {
    expect(parse('indicators', { code: 'PAZ19', year: '2023', indicator: 'idp', value: '-2', source_date: '31.02.2023' }).errors).toEqual([
      { row: 2, column: 'value', value: '-2', code: 'negative' },
      { row: 2, column: 'source', value: '', code: 'required' },
      { row: 2, column: 'source_date', value: '31.02.2023', code: 'not_date' },
    ]);
  });
});

describe('services rows', () => {
  const site = {
    site_id: 'ДЦ-17',
    name: 'Дневен център за възрастни хора',
    service_type: 'bg.day_care_elderly',
    provider: 'Община Пазарджик',
    provider_kind: 'Public',
    settlement_code: '55155',
    serves_codes: ' 55155 | |PAZ19|',
    year: '2024',
    capacity: '30',
    users: '28',
    waiting_list: '',
    staff_positions: '4,5',
    staff_vacancies: '0,5',
    funding: 'state',
    mobile: 'не',
    opened: '2012-09-01',
  };

  it('reads a site, splitting the served codes on | and dropping empty pieces', () => {
    expect(parse('services', site)).toEqual({
      record: {
        siteKey: 'ДЦ-17',
        name: 'Дневен център за възрастни хора',
        serviceType: 'bg.day_care_elderly',
        provider: 'Община Пазарджик',
        providerKind: 'public',
        settlementCode: '55155',
        servesCodes: ['55155', 'PAZ19'],
        year: 2024,
        capacity: 30,
        users: 28,
        waitingList: null,
        staffPositions: 4.5,
        staffVacancies: 0.5,
        funding: 'state',
        mobile: false,
        opened: '2012-09-01',
      },
      errors: [],
    });
  });

  it('reads an empty mobile cell as a stationary site', () => {
    expect(parse('services', { ...site, mobile: '', funding: '', serves_codes: '' }).record).toMatchObject({ mobile: false, funding: null, servesCodes: [] });
  });

  it('refuses more vacancies than positions and unknown kinds of provider or funding', () => {
    expect(parse('services', { ...site, staff_positions: '2', staff_vacancies: '3', provider_kind: 'church', funding: 'eu', mobile: 'sometimes' }).errors).toEqual([
      { row: 2, column: 'provider_kind', value: 'church', code: 'invalid_choice', params: { allowed: 'public, ngo, private' } },
      { row: 2, column: 'funding', value: 'eu', code: 'invalid_choice', params: { allowed: 'state, municipal, project, other' } },
      { row: 2, column: 'mobile', value: 'sometimes', code: 'not_yes_no' },
      { row: 2, column: 'staff_vacancies', value: '3', code: 'vacancies_exceed_positions', params: { positions: 2 } },
    ]);
  });

  it('refuses what the service-site schema would refuse at the write', () => {
    expect(parse('services', { ...site, site_id: 'x'.repeat(101), year: '1989', capacity: '1000001' }).errors.map((e) => [e.column, e.code])).toEqual([
      ['site_id', 'too_long'],
      ['year', 'out_of_range'],
      ['capacity', 'out_of_range'],
    ]);
  });
});
