import { describe, expect, it } from 'vitest';
import { transliterateBg } from './transliterate-bg';

describe('transliterateBg', () => {
  it.each([
    ['Пазарджик', 'Pazardzhik'],
    ['Смолян', 'Smolyan'],
    ['София', 'Sofia'],
    ['Шумен', 'Shumen'],
    ['Търговище', 'Targovishte'],
    ['Благоевград', 'Blagoevgrad'],
    ['Стара Загора', 'Stara Zagora'],
    ['Кърджали', 'Kardzhali'],
    ['Ямбол', 'Yambol'],
    ['Русе', 'Ruse'],
    ['Габрово', 'Gabrovo'],
    ['Цацаровци', 'Tsatsarovtsi'],
  ])('%s → %s', (bg, latin) => {
    expect(transliterateBg(bg)).toBe(latin);
  });

  it('leaves Latin letters, digits and punctuation as they are', () => {
    expect(transliterateBg('Sofia-2 (град)')).toBe('Sofia-2 (grad)');
  });
});
