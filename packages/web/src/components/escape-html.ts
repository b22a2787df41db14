/**
 * The one way the web UI writes text into HTML it builds itself: chart tooltips (ECharts renders
 * a formatter's string as HTML) and the notes the questionnaire editor writes. Names of services,
 * territories and answers come from users; unescaped, a name such as `<img src=x onerror=…>`
 * runs as a script in whoever hovers the chart (security review, issue 6, finding 3).
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A text as HTML that shows exactly that text. */
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * HTML from a template whose every `${…}` is text: html`${name}<br/><b>${value}</b>` escapes
 * `name` and `value` and keeps the markup written in the template.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce((out, part, i) => out + part + (i < values.length ? escapeHtml(values[i]) : ''), '');
}
