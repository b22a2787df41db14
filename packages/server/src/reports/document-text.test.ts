import { describe, expect, it } from 'vitest';
import type { TLanguage } from '@potreby/i18n';
import { documentText, type DocumentServiceType } from './document-text';
import { velingradReport } from './report-fixtures';

/** A Bulgarian type an administrator added, named in Bulgarian, English and Ukrainian (no Polish). */
const respite: DocumentServiceType = { key: 'bg.respite_care', country: 'BG', name: 'Временна грижа', nameEn: 'Respite care', translations: { uk: 'Тимчасовий догляд' } };
/** A type of the translation files an administrator gave a Polish name. */
const dayCare: DocumentServiceType = { key: 'bg.day_care_elderly', country: 'BG', name: 'Дневна грижа за възрастни хора', nameEn: 'Day care for older people', translations: { pl: 'Dzienny dom seniora' } };

const textIn = (language: TLanguage, serviceTypes?: DocumentServiceType[]) => documentText({ ...velingradReport(), language, serviceTypes });

describe('service-type names in the documents', () => {
  it('use the names an administrator gave in the document’s language (a new type was named only in English and Bulgarian)', () => {
    expect(textIn('uk', [respite]).serviceType('bg.respite_care')).toBe('Тимчасовий догляд');
    expect(textIn('bg', [respite]).serviceType('bg.respite_care')).toBe('Временна грижа');
    expect(textIn('en', [respite]).serviceType('bg.respite_care')).toBe('Respite care');
    expect(textIn('pl', [dayCare]).serviceType('bg.day_care_elderly')).toBe('Dzienny dom seniora');
  });
  it('fall back to the translation files, then to the English name', () => {
    expect(textIn('uk', [dayCare]).serviceType('bg.day_care_elderly')).not.toBe(dayCare.nameEn);
    expect(textIn('uk', [dayCare]).serviceType('bg.day_care_elderly')).toMatch(/\p{Script=Cyrillic}/u);
    expect(textIn('pl', [respite]).serviceType('bg.respite_care')).toBe('Respite care');
  });
  it('without the catalogue, as before: the official name in the country’s language, else the translation files', () => {
    expect(textIn('bg').serviceType('bg.day_care_elderly')).toBe('Дневна грижа за възрастни хора');
    expect(textIn('pl').serviceType('bg.day_care_elderly')).toBe('Opieka dzienna dla osób starszych');
  });
});
