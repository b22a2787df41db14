import { describe, expect, it } from 'vitest';
import { romanise, transliterateUk } from './romanise';

describe('transliterateUk (Resolution No. 55 of 2010)', () => {
  it.each([
    ['Хмільник', 'Khmilnyk'],
    ['Вінниця', 'Vinnytsia'],
    ['Київ', 'Kyiv'],
    ['Яготин', 'Yahotyn'],
    ['Згурівка', 'Zghurivka'],
    ['Їжакевич', 'Yizhakevych'],
    ['Львів', 'Lviv'],
    ['Знам’янка', 'Znamianka'],
    ['Біла Церква', 'Bila Tserkva'],
    ['Запоріжжя', 'Zaporizhzhia'],
    ['Щербухи', 'Shcherbukhy'],
  ])('%s → %s', (uk, latin) => {
    expect(transliterateUk(uk)).toBe(latin);
  });
});

describe('romanise', () => {
  it('follows each country’s rules and leaves Polish names as they are', () => {
    expect(romanise('Пазарджик', 'BG')).toBe('Pazardzhik');
    expect(romanise('Хмільник', 'UA')).toBe('Khmilnyk');
    expect(romanise('Bełżyce', 'PL')).toBe('Bełżyce');
  });
});
