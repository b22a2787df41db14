import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn, withAppAndBrowser } from './support/harness';
import { openScreen, screensOf, trackRequests } from './support/screens';

/**
 * Every screen speaks the reader's language: no English word on a Bulgarian or Ukrainian page,
 * no Cyrillic on an English or Polish one, and no identifier of the code (`plan_measure`,
 * `bg_municipalities`) anywhere.
 *
 * Data are not the UI's to translate, and they say what they are, as they must for screen
 * readers (WCAG 3.1.2, language of parts): a text in another language carries its `lang`
 * (a Ukrainian assessment's title on an English page: lang="uk"); a name, a code or a file name
 * cited as written carries translate="no"; values to type into a file are shown as code. All
 * else is the UI's text and must be in the page's language.
 */

type Language = 'en' | 'bg' | 'uk' | 'pl';
type Found = { text: string; where: string; why: string };

/**
 * Latin words a Bulgarian or Ukrainian page may show: the product's name, and formats and
 * programs written so (GeoJSON, Word, Excel). Abbreviations and codes in capitals (CSV,
 * KATOTTG, PAZ19) and one-letter symbols (n of a table) are allowed anyway.
 */
const LATIN_ALLOWED = new Set(['potreby', 'GeoJSON', 'XLSForm', 'Word', 'Excel']);

/** What a person can read or hear on the page (text, labels, values of fields), with what it is marked as. */
async function readScreen(page: Page, language: Language): Promise<Found[]> {
  return page.evaluate(
    ({ language, allowed }) => {
      const found: { text: string; where: string; why: string }[] = [];
      const cyrillic = /\p{Script=Cyrillic}+/u;
      const snake = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/;
      const latinWords = /[\p{Script=Latin}][\p{Script=Latin}\p{Nd}'’.-]*/gu;
      const describe = (el: Element) => {
        const id = el.closest('[data-testid]')?.getAttribute('data-testid');
        return `${el.tagName.toLowerCase()}${id ? ` in [data-testid=${id}]` : ''}`;
      };
      // Cited as written, or text to type: not the UI's words.
      const asWritten = (el: Element) => !!el.closest('code, kbd, samp, pre, [translate="no"]');
      // Marked as another language than the page's.
      const foreign = (el: Element) => {
        const marked = el.closest('[lang]');
        return !!marked && marked !== document.documentElement && marked.getAttribute('lang')!.toLowerCase() !== language;
      };
      // Data the page marks where it shows them may be quoted in a label or a sentence ("Edit:
      // Відділення денного догляду", "Responses of Особи з інвалідністю"): an attribute cannot
      // mark a part of itself. (Not the language switch's own names: "in Українська" is a defect.)
      const quoted = [...document.body.querySelectorAll('[lang], [translate="no"]')]
        .filter((el) => !el.closest('option') && (foreign(el) || asWritten(el)))
        .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
        .filter((text) => text.length > 1)
        .sort((a, b) => b.length - a.length);
      const check = (text: string, el: Element) => {
        let t = text.replace(/\s+/g, ' ').trim();
        if (!t || asWritten(el)) return;
        for (const q of quoted) t = t.split(q).join(' ');
        const snakeHit = t.match(snake);
        if (snakeHit) found.push({ text, where: describe(el), why: `identifier "${snakeHit[0]}"` });
        if (foreign(el)) return;
        if (language === 'en' || language === 'pl') {
          const hit = t.match(cyrillic);
          if (hit) found.push({ text, where: describe(el), why: `Cyrillic "${hit[0]}"` });
        } else {
          for (const [word] of t.matchAll(latinWords)) {
            const bare = word.replace(/[.'’-]+$/, '');
            if (allowed.includes(bare) || bare.length === 1 || /^[\p{Lu}\p{Nd}-]+$/u.test(bare)) continue;
            found.push({ text, where: describe(el), why: `Latin "${bare}"` });
            break;
          }
        }
      };
      const visible = (el: Element) => el.checkVisibility({ visibilityProperty: true });

      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!el || el.closest('script, style, noscript')) continue;
        const option = el.closest('option');
        if (option ? !(option as HTMLOptionElement).selected : !visible(el)) continue;
        check(node.textContent ?? '', el);
      }
      for (const el of document.body.querySelectorAll('[aria-label], [placeholder], [title], input')) {
        if (!visible(el)) continue;
        for (const name of ['aria-label', 'placeholder', 'title']) {
          const value = el.getAttribute(name);
          if (value) check(value, el);
        }
        if (el instanceof HTMLInputElement && ['text', 'search', ''].includes(el.type) && el.value) check(el.value, el);
      }
      return found;
    },
    { language, allowed: [...LATIN_ALLOWED] },
  );
}

describe('the language of every screen', () => {
  const session = withAppAndBrowser();

  for (const language of ['bg', 'uk', 'pl', 'en'] as const) {
    it(`shows each screen in ${language}, data marked as such, no identifiers`, async () => {
      const { page } = await session.newPage(language);
      const requests = trackRequests(page);
      await signIn(page);
      // The main screens, and one of each kind below them, on the demonstration's data of both countries.
      const screens = await screensOf(page);

      // The administrator's account is in English: switch as a person does.
      await page.getByTestId('language-switch').selectOption(language);
      await page.waitForFunction((l) => document.documentElement.lang === l, language);
      const problems: Record<string, string[]> = {};
      for (const screen of screens) {
        await openScreen(page, screen, requests);
        expect(await page.locator('html').getAttribute('lang')).toBe(language);
        const found = await readScreen(page, language);
        if (found.length) problems[screen] = [...new Set(found.map((f) => `${f.why} in "${f.text.slice(0, 80)}" (${f.where})`))];
      }
      expect(problems).toEqual({});
    });
  }
});
