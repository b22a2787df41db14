import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportErrorList } from '../imports/import-error';
import {
  mayChooseServiceType,
  mayEditCatalogue,
  namesOf,
  officialCodeOf,
  NAME_LANGUAGES,
  storedNames,
  ZServiceTypeChange,
  ZServiceTypeInput,
  type TServiceTypeNames,
} from './edit-service-type';
import { checkServiceTypes, matchServiceTypeHeader, parseServiceTypeRow, SERVICE_TYPE_COLUMNS, type TStoredServiceType } from './import-service-types';

const input = {
  key: 'bg.respite_care',
  country: 'BG',
  officialCode: null,
  names: { bg: 'Временна грижа', en: 'Respite care' },
  category: 'specialised',
  residential: false,
  unit: 'places',
  targetGroups: ['older_people'],
};

describe('a new service type', () => {
  it('is accepted with its official and English names', () => {
    expect(ZServiceTypeInput.parse(input)).toMatchObject({ key: 'bg.respite_care', officialCode: null });
  });
  it('needs a key of its own country', () => {
    const r = ZServiceTypeInput.safeParse({ ...input, key: 'ua.respite_care' });
    expect(r.success).toBe(false);
    expect(r.error!.issues).toContainEqual(expect.objectContaining({ path: ['key'], message: 'wrong_country' }));
  });
  it('needs a name in the country’s language and in English', () => {
    const noOfficial = ZServiceTypeInput.safeParse({ ...input, names: { en: 'Respite care', uk: 'Тимчасовий догляд' } });
    expect(noOfficial.error!.issues).toContainEqual(expect.objectContaining({ path: ['names', 'bg'], message: 'required' }));
    const noEnglish = ZServiceTypeInput.safeParse({ ...input, country: 'UA', key: 'ua.respite', names: { uk: 'Тимчасовий догляд' } });
    expect(noEnglish.error!.issues).toContainEqual(expect.objectContaining({ path: ['names', 'en'], message: 'required' }));
  });
  it('refuses keys that are not lower-case identifiers, unknown categories, groups and units', () => {
    for (const bad of [{ key: 'bg.Respite care' }, { category: 'wellness' }, { targetGroups: ['cats'] }, { targetGroups: [] }, { unit: 'hours' }]) {
      expect(ZServiceTypeInput.safeParse({ ...input, ...bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });
  it('a change may give only some fields; an empty code is no code', () => {
    expect(officialCodeOf(ZServiceTypeChange.parse({ officialCode: '  ' }).officialCode)).toBeNull();
    expect(ZServiceTypeChange.parse({ names: { bg: ' Нова ' } })).toEqual({ names: { bg: 'Нова' } });
  });
});

describe('names by language', () => {
  it('keep the official name, the English one and the others apart, and back', () => {
    const names = { bg: 'Временна грижа', en: 'Respite care', uk: 'Тимчасовий догляд', pl: 'Opieka wytchnieniowa' };
    const stored = storedNames('BG', names);
    expect(stored).toEqual({ name: 'Временна грижа', nameEn: 'Respite care', translations: { uk: 'Тимчасовий догляд', pl: 'Opieka wytchnieniowa' } });
    expect(namesOf({ country: 'BG', ...stored })).toEqual(names);
  });
  it('round-trip for any names in any country (property)', () => {
    const name = fc.string({ minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(fc.constantFrom('BG', 'UA', 'PL' as const), fc.record({ bg: name, uk: name, pl: name, en: name }), (country, names: TServiceTypeNames) => {
        const back = namesOf({ country, ...storedNames(country, names) });
        for (const l of NAME_LANGUAGES) expect(back[l]).toBe(names[l]);
      }),
    );
  });
});

describe('who may change the catalogue', () => {
  it('a national administrator only', () => {
    expect(mayEditCatalogue({ userId: 1, role: 'admin', scopePath: null, organisation: null })).toBe(true);
    expect(mayEditCatalogue({ userId: 1, role: 'admin', scopePath: '/1/', organisation: null })).toBe(false);
    for (const role of ['agency', 'regional_officer', 'municipal_officer', 'provider', 'viewer'] as const) {
      expect(mayEditCatalogue({ userId: 2, role, scopePath: null, organisation: null }), role).toBe(false);
    }
  });
  it('a retired type is kept where it is, never newly chosen', () => {
    const retired = { key: 'bg.old', retiredAt: '2026-01-01T00:00:00.000Z' };
    expect(mayChooseServiceType(retired)).toBe(false);
    expect(mayChooseServiceType(retired, 'bg.other')).toBe(false);
    expect(mayChooseServiceType(retired, 'bg.old')).toBe(true);
    expect(mayChooseServiceType({ key: 'bg.new', retiredAt: null })).toBe(true);
  });
});

describe('the service-types import', () => {
  const header = [...SERVICE_TYPE_COLUMNS];
  const good = ['bg.respite_care', 'BG', 'BG-77', 'Временна грижа', 'Respite care', 'specialised', 'no', 'places', 'older_people|persons_with_dementia'];
  const parse = (cells: string[], row = 2) => {
    const errors = new ImportErrorList();
    const columns = matchServiceTypeHeader(header, new Map(), 1, errors);
    return { record: parseServiceTypeRow(cells, columns, row, errors), errors: errors.errors };
  };

  it('reads the export’s columns, also by their translated headers', () => {
    const errors = new ImportErrorList();
    const columns = matchServiceTypeHeader(['Ключ', 'country', 'Official code', 'name', 'name_en', 'category', 'residential', 'unit', 'target groups'], new Map([['ключ', 'key']]), 1, errors);
    expect(errors.ok).toBe(true);
    expect(columns).toEqual(SERVICE_TYPE_COLUMNS);
  });
  it('names a missing, an unknown and a repeated column', () => {
    const errors = new ImportErrorList();
    matchServiceTypeHeader(['key', 'key', 'colour', 'name', 'name_en', 'category', 'residential', 'unit', 'target_groups'], new Map(), 1, errors);
    expect(errors.errors.map((e) => [e.code, e.column ?? e.value])).toEqual([
      ['duplicate_column', 'key'],
      ['unknown_column', 'colour'],
      ['missing_column', 'country'],
    ]);
  });
  it('a good row becomes a type', () => {
    expect(parse(good).record).toEqual({
      key: 'bg.respite_care',
      country: 'BG',
      officialCode: 'BG-77',
      name: 'Временна грижа',
      nameEn: 'Respite care',
      category: 'specialised',
      residential: false,
      unit: 'places',
      targetGroups: ['older_people', 'persons_with_dementia'],
    });
  });
  it('every wrong cell of a row is named by its column', () => {
    const { record, errors } = parse(['UA.x y', 'XX', '', '', 'Respite', 'wellness', 'maybe', 'hours', 'cats'], 7);
    expect(record).toBeNull();
    expect(errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [7, 'country', 'unknown_country'],
      [7, 'key', 'invalid_key'],
      [7, 'name', 'required'],
      [7, 'category', 'invalid_choice'],
      [7, 'residential', 'not_yes_no'],
      [7, 'unit', 'invalid_choice'],
      [7, 'target_groups', 'invalid_choice'],
    ]);
  });
  it('a key of another country is refused', () => {
    expect(parse(['ua.respite', ...good.slice(1)]).errors).toEqual([expect.objectContaining({ column: 'key', code: 'wrong_country' })]);
  });

  const stored: TStoredServiceType[] = [
    { key: 'bg.day_care', country: 'BG', officialCode: 'BG-1', unit: 'places', inUse: true },
    { key: 'bg.home_care', country: 'BG', officialCode: 'BG-2', unit: 'persons_per_year', inUse: false },
  ];
  const rec = (key: string, officialCode: string | null, unit: 'places' | 'persons_per_year' = 'places') => parse([key, 'BG', officialCode ?? '', 'Име', 'Name', 'specialised', 'no', unit, 'all']).record!;

  it('a key twice in the file, or an official code twice in a country, is refused', () => {
    const errors = new ImportErrorList();
    const ok = checkServiceTypes(
      [
        { row: 2, record: rec('bg.a', 'X') },
        { row: 3, record: rec('bg.a', 'Y') },
        { row: 4, record: rec('bg.b', 'X') },
        { row: 5, record: rec('bg.c', 'BG-1') },
      ],
      stored,
      errors,
    );
    // In file order, as the report lists them.
    expect([...errors.errors].sort((a, b) => a.row - b.row).map((e) => [e.row, e.column, e.code, e.params])).toEqual([
      [3, 'key', 'duplicate_row', { otherRow: 2 }],
      [4, 'official_code', 'duplicate_row', { otherRow: 2 }],
      [5, 'official_code', 'official_code_taken', { key: 'bg.day_care' }],
    ]);
    expect(ok.map((c) => c.row)).toEqual([2]);
  });
  it('codes may change hands within one file; existing types are updated', () => {
    const errors = new ImportErrorList();
    const ok = checkServiceTypes(
      [
        { row: 2, record: rec('bg.day_care', 'BG-2') },
        { row: 3, record: rec('bg.home_care', 'BG-1', 'persons_per_year') },
      ],
      stored,
      errors,
    );
    expect(errors.ok).toBe(true);
    expect(ok.map((c) => c.existing)).toEqual([true, true]);
  });
  it('the unit of a type in use may not change; of one not in use it may', () => {
    const errors = new ImportErrorList();
    const ok = checkServiceTypes(
      [
        { row: 2, record: rec('bg.day_care', 'BG-1', 'persons_per_year') },
        { row: 3, record: rec('bg.home_care', 'BG-2', 'places') },
      ],
      stored,
      errors,
    );
    expect(errors.errors.map((e) => [e.row, e.code])).toEqual([[2, 'unit_in_use']]);
    expect(ok.map((c) => c.row)).toEqual([3]);
  });
});
