import type { ReactNode } from 'react';

/**
 * Stands for data inside a translated phrase: `t('analysis.titleOf', { title: SLOT })`, then
 * `<Phrase text={…}>{title}</Phrase>` (a private-use character no translation contains).
 */
export const SLOT = '\uE000';

/**
 * A translated phrase around data (a name, a title, a login) that keeps its own language: the
 * data are set apart in a span marked with their `lang` (WCAG 3.1.2: a screen reader reads a
 * Ukrainian title on an English page in Ukrainian), or `translate="no"` when they are cited as
 * written in no known language. The data are React text, never read as markup.
 */
export function Phrase({ text, lang, children }: { text: string; lang?: string; children: ReactNode }) {
  const [before = '', after = ''] = text.split(SLOT);
  return (
    <>
      {before}
      <span lang={lang} translate={lang ? undefined : 'no'}>
        {children}
      </span>
      {after}
    </>
  );
}
