/**
 * Bulgarian Cyrillic to Latin as the Transliteration Act (State Gazette No. 19/2009) prescribes —
 * the romanisation Bulgaria's own statistics use, so "Пазарджик" gives NSI's "Pazardzhik".
 * Used to match English names in published tables to territories that have only Bulgarian ones.
 */
const TABLE: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sht',
  ъ: 'a', ь: 'y', ю: 'yu', я: 'ya',
};

export function transliterateBg(text: string): string {
  let out = '';
  const chars = [...text];
  chars.forEach((ch, i) => {
    const lower = ch.toLowerCase();
    // The Act's one exception: "ия" at the end of a word is "ia" (София → Sofia).
    const wordEnds = i + 1 >= chars.length || !/\p{L}/u.test(chars[i + 1]!);
    const latin = lower === 'я' && wordEnds && chars[i - 1]?.toLowerCase() === 'и' ? 'a' : TABLE[lower];
    if (latin === undefined) {
      out += ch;
      return;
    }
    out += ch === lower ? latin : latin.charAt(0).toUpperCase() + latin.slice(1);
  });
  return out;
}
