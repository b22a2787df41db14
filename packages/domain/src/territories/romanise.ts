import type { TCountry } from './territory';
import { transliterateBg } from './transliterate-bg';

/**
 * Ukrainian Cyrillic to Latin as the Cabinet of Ministers prescribes (Resolution No. 55 of
 * 27.01.2010) — the form of Ukrainian place names in passports, maps and road signs
 * (Хмільник → Khmilnyk, Вінниця → Vinnytsia, Київ → Kyiv).
 */
const UK: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'y', і: 'i', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ь: '',
};
/** Letters written one way at the start of a word and another inside it. */
const UK_POSITIONAL: Record<string, [string, string]> = { є: ['ye', 'ie'], ї: ['yi', 'i'], й: ['y', 'i'], ю: ['yu', 'iu'], я: ['ya', 'ia'] };
const APOSTROPHES = new Set(["'", '’', 'ʼ', '`']);

export function transliterateUk(text: string): string {
  let out = '';
  const chars = [...text];
  chars.forEach((ch, i) => {
    if (APOSTROPHES.has(ch)) return; // the apostrophe is not written
    const lower = ch.toLowerCase();
    const wordStart = i === 0 || !/\p{L}/u.test(chars[i - 1]!) && !APOSTROPHES.has(chars[i - 1]!);
    let latin: string | undefined;
    if (lower in UK_POSITIONAL) latin = UK_POSITIONAL[lower]![wordStart ? 0 : 1];
    // "зг" is "zgh", so it is not read as "zh".
    else if (lower === 'г' && chars[i - 1]?.toLowerCase() === 'з') latin = 'gh';
    else latin = UK[lower];
    if (latin === undefined) {
      out += ch;
      return;
    }
    out += ch === lower || latin === '' ? latin : latin.charAt(0).toUpperCase() + latin.slice(1);
  });
  return out;
}

/** A place's name in Latin letters by its country's official rules; Polish names already are. */
export function romanise(name: string, country: TCountry): string {
  if (country === 'BG') return transliterateBg(name);
  if (country === 'UA') return transliterateUk(name);
  return name;
}
