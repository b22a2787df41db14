import { AppError } from '@potreby/domain';
import sanitizeHtml from 'sanitize-html';
import { QUESTIONNAIRE_HTML, isHtmlProperty } from '@potreby/domain/surveys/questionnaire-html-policy';

/**
 * Questionnaire HTML cleaned on the server with sanitize-html (a maintained allow-list
 * sanitiser), before a definition is stored and again when one stored earlier is sent out.
 * Security review, issue 6, finding 1: a note `<img src=x onerror=…>` saved by an officer ran in
 * the administrator's preview and created an administrator account.
 */

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...QUESTIONNAIRE_HTML.tags],
  allowedAttributes: {
    ...Object.fromEntries(Object.entries(QUESTIONNAIRE_HTML.attributes).map(([tag, names]) => [tag, [...names]])),
    a: [...QUESTIONNAIRE_HTML.attributes.a!, ...Object.keys(QUESTIONNAIRE_HTML.linkAttributes)],
  },
  allowedSchemes: [...QUESTIONNAIRE_HTML.linkSchemes],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  // `//host/path` is another site without saying so: only spelled-out schemes.
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Elements whose text is not text a respondent should read: gone with their content.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'object', 'svg', 'math'],
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, ...QUESTIONNAIRE_HTML.linkAttributes } }),
  },
};

/** One HTML text reduced to the questionnaire allow-list. */
export function sanitiseHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}

/**
 * How deep a definition may nest. A real one is a few levels (survey → pages → elements →
 * panels → texts); a walk down a thousand levels would end in a stack overflow (a 500).
 */
export const MAX_DEFINITION_DEPTH = 100;

/** A localisable HTML value cleaned: a string, or strings by language; anything else is dropped. */
function cleanHtmlValue(value: unknown): unknown {
  if (typeof value === 'string') return sanitiseHtml(value);
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value).flatMap(([language, text]) => (typeof text === 'string' ? [[language, sanitiseHtml(text)]] : [])));
  }
  return undefined;
}

/**
 * Where a finished form sends the respondent. The app shows its own page after sending, so
 * the browser never follows these (survey-model.ts); an address other than http(s) is dropped
 * here too, so no stored definition carries a `javascript:` one.
 */
const isWebAddress = (url: unknown): url is string => typeof url === 'string' && /^https?:\/\//i.test(url.trim());

/**
 * A SurveyJS definition with every HTML text reduced to the allow-list (in every language) and
 * navigation addresses other than http(s) removed; everything else as it was. Refuses a
 * definition nested deeper than `maxDepth`.
 */
export function sanitiseDefinition<T extends Record<string, unknown>>(definition: T, maxDepth = MAX_DEFINITION_DEPTH): T {
  const visit = (node: unknown, depth: number): unknown => {
    if (depth > maxDepth) throw new AppError('validation.invalid', {}, { issues: [{ path: 'definition', message: 'nesting_too_deep' }] });
    if (Array.isArray(node)) return node.map((n) => visit(n, depth + 1));
    if (!node || typeof node !== 'object') return node;
    const owner = node as Record<string, unknown>;
    const entries: [string, unknown][] = [];
    for (const [key, value] of Object.entries(owner)) {
      if (isHtmlProperty(key, owner)) {
        const html = cleanHtmlValue(value);
        if (html !== undefined) entries.push([key, html]);
      } else if (key === 'navigateToUrl') {
        if (isWebAddress(value)) entries.push([key, value]);
      } else if (key === 'navigateToUrlOnCondition' && Array.isArray(value)) {
        entries.push([key, value.filter((item) => isWebAddress((item as { url?: unknown } | null)?.url)).map((item) => visit(item, depth + 1))]);
      } else entries.push([key, visit(value, depth + 1)]);
    }
    // fromEntries defines own properties: a "__proto__" key stays data, never a prototype.
    return Object.fromEntries(entries);
  };
  return visit(definition, 0) as T;
}

/**
 * A stored definition as it is sent out (editor, preview, paper entry, public form). Versions
 * stored before the server cleaned HTML may still hold a script: cleaned again here, at no
 * depth limit, as they were accepted then (the browser cleans once more when it renders).
 */
export function sanitiseStoredDefinition(stored: unknown): Record<string, unknown> {
  return sanitiseDefinition((stored ?? {}) as Record<string, unknown>, Number.POSITIVE_INFINITY);
}
