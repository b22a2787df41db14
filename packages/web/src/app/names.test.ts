import { describe, expect, it } from 'vitest';
import { territoryName } from './names';

const pazardzhik = { name: 'Пазарджик', nameEn: 'Pazardzhik', country: 'BG' };
const khmilnyk = { name: 'Хмільницька', nameEn: 'Khmilnytska', country: 'UA' };
const belzyce = { name: 'Bełżyce', nameEn: null, country: 'PL' };

describe('territory names for each reader', () => {
  it('shows the official name in the country’s own language and to readers of the same script', () => {
    expect(territoryName(pazardzhik, 'bg')).toBe('Пазарджик');
    expect(territoryName(pazardzhik, 'uk')).toBe('Пазарджик');
    expect(territoryName(khmilnyk, 'bg')).toBe('Хмільницька');
    expect(territoryName(belzyce, 'pl')).toBe('Bełżyce');
  });

  it('shows the Latin form to other readers, the official name when there is none', () => {
    expect(territoryName(pazardzhik, 'en')).toBe('Pazardzhik');
    expect(territoryName(khmilnyk, 'pl')).toBe('Khmilnytska');
    expect(territoryName(belzyce, 'uk')).toBe('Bełżyce');
    expect(territoryName({ ...pazardzhik, nameEn: null }, 'en')).toBe('Пазарджик');
  });
});
