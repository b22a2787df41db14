/**
 * What HTML a questionnaire may hold: its notes, its completed page and the other texts that
 * SurveyJS renders as HTML. Text formatting, lists, links and simple tables; nothing that runs,
 * loads or styles (no script, style, iframe, form, image, event attribute or `style`), so an
 * officer who writes a questionnaire cannot act in the browser of the administrator who opens
 * its preview or of the anonymous respondent who answers it. Images are left out on purpose:
 * an image from another site would tell that site who opened an anonymous questionnaire.
 *
 * One list for both ends: the server stores only this (sanitise-html.ts) and the browser renders
 * only this (web/src/questionnaires/safe-html.ts), also for definitions stored before the server
 * cleaned them. Plain data, so the web UI can import it without anything of the server.
 */
export const QUESTIONNAIRE_HTML = {
  tags: [
    'p',
    'br',
    'hr',
    'strong',
    'em',
    'b',
    'i',
    'u',
    's',
    'small',
    'sub',
    'sup',
    'span',
    'blockquote',
    'ul',
    'ol',
    'li',
    'h3',
    'h4',
    'h5',
    'h6',
    'a',
    'table',
    'caption',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
  ],
  /** Attributes allowed per tag; every other attribute goes (on…, style, class, id, src …). */
  attributes: {
    a: ['href'],
    ol: ['start'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
  } as Record<string, readonly string[]>,
  /** The schemes a link may have; a link without one (`/help`, `#part`) stays on this site. */
  linkSchemes: ['http', 'https', 'mailto'],
  /**
   * Set on every link whatever it said: a respondent who follows one keeps the form and its
   * answers in their own tab, and the page opened cannot reach back into the form's page.
   */
  linkAttributes: { target: '_blank', rel: 'noopener noreferrer' },
} as const;

/**
 * Whether a property of a SurveyJS definition holds HTML: `html` (notes, and the items of
 * `completedHtmlOnCondition`), every `…Html` (`completedHtml`, `completedBeforeHtml`,
 * `loadingHtml`) and a flow panel's `content`. Titles, descriptions and choice texts are
 * rendered as text (the app turns on no markdown), so they are kept as they were typed.
 */
export function isHtmlProperty(key: string, owner: Record<string, unknown>): boolean {
  return key === 'html' || /Html$/.test(key) || (key === 'content' && owner.type === 'flowpanel');
}
