import DOMPurify from 'dompurify';
import { QUESTIONNAIRE_HTML } from '@potreby/domain/surveys/questionnaire-html-policy';

/**
 * Questionnaire HTML as the browser renders it: reduced with DOMPurify to the same allow-list the
 * server stores (domain/surveys/questionnaire-html-policy.ts). The server already cleans what it stores and sends;
 * this is the second wall, for what the server cannot see: SurveyJS puts answers and default
 * values into a note's HTML (`Hello {name}`) only in the browser.
 */

const attributesOf = (tag: string): readonly string[] => QUESTIONNAIRE_HTML.attributes[tag] ?? [];
const linkAttributes = Object.entries(QUESTIONNAIRE_HTML.linkAttributes);

/** Our own DOMPurify, made on first use: its hooks stay off the shared instance. */
let purifier: ReturnType<typeof DOMPurify> | null = null;
function purify() {
  if (purifier) return purifier;
  purifier = DOMPurify(window);
  // Attributes per tag, not one list for all tags (DOMPurify's own list is global).
  purifier.addHook('uponSanitizeAttribute', (node, data) => {
    if (!attributesOf(node.nodeName.toLowerCase()).includes(data.attrName)) data.keepAttr = false;
  });
  // Every link opens in a new tab and cannot reach back into the form's page.
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') for (const [name, value] of linkAttributes) (node as Element).setAttribute(name, value);
  });
  return purifier;
}

const schemes = QUESTIONNAIRE_HTML.linkSchemes.join('|');

const CONFIG = {
  ALLOWED_TAGS: [...QUESTIONNAIRE_HTML.tags],
  ALLOWED_ATTR: [...new Set([...Object.values(QUESTIONNAIRE_HTML.attributes).flat(), ...linkAttributes.map(([name]) => name)])],
  // DOMPurify's own pattern with only our schemes: an address with another scheme is dropped.
  ALLOWED_URI_REGEXP: new RegExp(`^(?:(?:${schemes}):|[^a-z]|[a-z+.\\-]+(?:[^a-z+.\\-:]|$))`, 'i'),
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
};

/** HTML reduced to what a questionnaire may show. */
export function safeHtml(html: string): string {
  return purify().sanitize(html, CONFIG);
}
