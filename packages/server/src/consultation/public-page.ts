import { commentTargetKey, LANGUAGES, type TCommentTarget } from '@potreby/domain';
import { formatDate, formatNumber, translator, type TLanguage } from '@potreby/i18n';
import type { TPublicComment, TPublicConsultation } from './schema';

/**
 * The public page of a consultation: plain HTML from the server, readable with JavaScript off,
 * on a phone, by a screen reader. Every stored text (the authority's and the residents') goes
 * through `esc`; nothing stored is ever written as markup. Only sending a comment needs the
 * small script (consultation.js), which solves the page's proof of work first.
 */
export const esc = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Paragraphs of a stored text: blank lines split them, single line breaks stay. */
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`)
    .join('');

export const targetKey = commentTargetKey;

/** The form's value back to a target (commentTargetKey's inverse); null for anything else. */
export function parseTargetKey(key: string): TCommentTarget | null {
  if (key === 'whole') return { kind: 'whole' };
  const figure = /^figure-(\d{1,9})-([a-z0-9_.]{1,100})$/.exec(key);
  if (figure) return { kind: 'figure', municipalityId: Number(figure[1]), serviceType: figure[2]! };
  const m = /^(section|item|site)-(\d{1,9})$/.exec(key);
  if (!m) return null;
  const n = Number(m[2]);
  return m[1] === 'section' ? { kind: 'section', section: n } : m[1] === 'item' ? { kind: 'item', itemId: n } : { kind: 'site', siteId: n };
}

export type PageState = {
  /** The comment was taken and waits for moderation. */
  sent?: boolean;
  /** Why the comment was refused, in the reader's language; the form keeps what was typed. */
  error?: string;
  draft?: { target: string; body: string; name: string; organisation: string; consent: boolean };
};

export const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1b1e;background:#f8f9fa}
header,main,footer{max-width:52rem;margin:0 auto;padding:0 1rem}header{padding-top:1rem}
.langs{display:flex;flex-wrap:wrap;gap:.75rem;list-style:none;padding:0;margin:.5rem 0}.langs a{color:#1864ab}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0}h2{font-size:1.25rem;margin:1.5rem 0 .5rem}h3{font-size:1.05rem;margin:1rem 0 .25rem}
.authority{color:#495057;margin:0}.period{font-weight:600}.period.closed{color:#a51d1d}.period.open{color:#1b5e20}
section,article{background:#fff;border:1px solid #dee2e6;border-radius:6px;padding:.75rem 1rem;margin:.75rem 0;overflow-wrap:anywhere}
.item-line{margin:.25rem 0}.comment{border-left:4px solid #adb5bd;padding:.25rem .75rem;margin:.75rem 0}.comment .meta{color:#495057;font-size:.9rem;margin:0}
.answer{background:#f1f3f5;border-radius:4px;padding:.5rem .75rem;margin:.5rem 0}.verdict-accepted{border-color:#2b8a3e}.verdict-partly{border-color:#e67700}.verdict-rejected{border-color:#c92a2a}
.hidden-note{font-style:italic;color:#495057}a{color:#1864ab}
form label{display:block;font-weight:600;margin:.75rem 0 .25rem}form input[type=text],form select,form textarea{width:100%;font:inherit;padding:.5rem;border:1px solid #868e96;border-radius:4px}
form textarea{min-height:8rem}.check label{display:inline;font-weight:400}.hint{color:#495057;font-size:.9rem;margin:.25rem 0}
button{font:inherit;font-weight:600;background:#1864ab;color:#fff;border:0;border-radius:4px;padding:.6rem 1.2rem;margin-top:1rem;cursor:pointer}
.notice{padding:.75rem 1rem;border-radius:6px;margin:1rem 0}.notice.ok{background:#d3f9d8;color:#1b4d2b}.notice.error{background:#ffe3e3;color:#7d1a1a}
.trap{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}footer{color:#495057;font-size:.9rem;padding-bottom:2rem}
`;

export function renderConsultationPage(view: TPublicConsultation, state: PageState = {}): string {
  const language = view.language;
  const t = translator(language);
  const w = (key: string, options?: Record<string, unknown>) => t(`consultation.public.${key}`, options);
  const date = (iso: string) => formatDate(language, iso);
  const pageUrl = (lang: TLanguage) => `/consultations/${view.id}?lang=${lang}`;
  const byTarget = new Map<string, TPublicComment[]>();
  for (const c of view.comments) byTarget.set(targetKey(c.target), [...(byTarget.get(targetKey(c.target)) ?? []), c]);
  const open = view.phase === 'open';
  // The authority's text is in its country's language: marked when the page is in another (WCAG 3.1.2).
  const docLang = view.documentLanguage === language ? '' : ` lang="${view.documentLanguage}"`;

  const comment = (c: TPublicComment) => {
    const who = [c.name, c.organisation].filter(Boolean).join(', ') || w('anonymous');
    const body = c.body === null ? `<p class="hidden-note">${esc(w('hidden', { reason: c.hiddenReason ?? '' }))}</p>` : paragraphs(c.body);
    let answer = '';
    if (c.verdict) {
      const changed = c.changedItemId === null ? '' : ` <a href="#item-${c.changedItemId}">${esc(w('seeItem'))}</a>`;
      answer = `<div class="answer verdict-${c.verdict}"><p><strong>${esc(w('answer'))}: ${esc(t(`consultation.verdict.${c.verdict}`))}.</strong></p>${c.reason ? paragraphs(c.reason) : ''}${c.change || changed ? `<p><strong>${esc(w('change'))}:</strong> ${esc(c.change)}${changed}</p>` : ''}</div>`;
    } else if (c.body !== null) answer = `<p class="hint">${esc(w('awaitingAnswer'))}</p>`;
    return `<div class="comment verdict-${c.verdict ?? 'none'}" id="comment-${c.id}"><p class="meta">${esc(date(c.receivedOn))} · ${esc(who)}</p>${body}${answer}</div>`;
  };
  const commentsOn = (key: string, label: string) => {
    const list = byTarget.get(key) ?? [];
    const heading = list.length > 0 ? `<h3>${esc(t('consultation.public.commentCount', { count: list.length }))}</h3>${list.map(comment).join('')}` : '';
    const link = open ? `<p><a href="?lang=${language}&amp;target=${encodeURIComponent(key)}#comment-form">${esc(w('commentOn', { what: label }))}</a></p>` : '';
    return heading + link;
  };

  const sections = view.sections.map((s, i) => `<section id="section-${i}" aria-labelledby="section-${i}-h"><h2 id="section-${i}-h"${docLang}>${esc(s.heading)}</h2><div${docLang}>${paragraphs(s.body)}</div>${commentsOn(`section-${i}`, s.heading)}</section>`).join('');
  const itemLabel = (i: TPublicConsultation['items'][number]) => `${i.municipality}: ${i.action} — ${i.serviceType}`;
  const items =
    view.items.length === 0
      ? ''
      : `<h2 id="items-h">${esc(w('items'))}</h2>` +
        view.items
          .map(
            (i) =>
              `<article id="item-${i.id}" aria-label="${esc(itemLabel(i))}"><h3>${esc(itemLabel(i))}</h3><p class="item-line">${esc(w('itemLine', { change: formatNumber(language, i.capacityChange), unit: i.unit, year: i.startYear }))}</p>${i.explanation ? `<div${docLang}>${paragraphs(i.explanation)}</div>` : ''}${commentsOn(`item-${i.id}`, itemLabel(i))}</article>`,
          )
          .join('');
  // The registry and the figures the document rests on: each a line residents can comment on.
  const services =
    view.sites.length === 0
      ? ''
      : `<section id="services" aria-labelledby="services-h"><h2 id="services-h">${esc(w('services', { year: view.sites[0]!.year }))}</h2>` +
        view.sites
          .map((x) => `<article id="${esc(x.key)}" aria-labelledby="${esc(x.key)}-h"><h3 id="${esc(x.key)}-h"${docLang}>${esc(x.name)}</h3><p class="item-line">${esc(w('siteLine', { serviceType: x.serviceType, settlement: x.settlement, municipality: x.municipality, capacity: x.capacity }))}</p>${commentsOn(x.key, x.name)}</article>`)
          .join('') +
        '</section>';
  const figureLabel = (f: TPublicConsultation['figures'][number]) => w('figureLabel', { municipality: f.municipality, serviceType: f.serviceType });
  const figures =
    view.figures.length === 0
      ? ''
      : `<section id="figures" aria-labelledby="figures-h"><h2 id="figures-h">${esc(w('figures'))}</h2><p class="hint">${esc(w('figuresHint'))}</p>` +
        view.figures
          .map((f) => `<article id="${esc(f.key)}" aria-labelledby="${esc(f.key)}-h"><h3 id="${esc(f.key)}-h">${esc(figureLabel(f))}</h3><p class="item-line">${esc(w(f.gap === null ? 'figureLineNoGap' : 'figureLine', { need: f.need, capacity: f.capacity, gap: f.gap }))}</p>${commentsOn(f.key, figureLabel(f))}</article>`)
          .join('') +
        '</section>';
  const whole = `<section id="whole" aria-labelledby="whole-h"><h2 id="whole-h">${esc(w('onWhole'))}</h2>${commentsOn('whole', view.title).replace(/^$/, `<p class="hint">${esc(w('noComments'))}</p>`)}</section>`;

  const draft = state.draft ?? { target: 'whole', body: '', name: '', organisation: '', consent: false };
  const option = (key: string, label: string) => `<option value="${esc(key)}"${draft.target === key ? ' selected' : ''}>${esc(label)}</option>`;
  const options = [option('whole', w('targetWhole')), ...view.sections.map((s, i) => option(`section-${i}`, w('targetSection', { heading: s.heading }))), ...view.items.map((i) => option(`item-${i.id}`, itemLabel(i))), ...view.sites.map((x) => option(x.key, w('siteLabel', { name: x.name, serviceType: x.serviceType, settlement: x.settlement }))), ...view.figures.map((f) => option(f.key, figureLabel(f)))].join('');
  const form = open
    ? `<section id="comment-form" aria-labelledby="form-h"><h2 id="form-h">${esc(w('formTitle'))}</h2>
<form method="post" action="/consultations/${view.id}/comments?lang=${language}" data-difficulty="${view.difficulty}" data-working="${esc(w('working'))}" data-no-crypto="${esc(w('needsSecure'))}">
<label for="target">${esc(w('target'))}</label><select id="target" name="target">${options}</select>
<label for="body">${esc(w('body'))}</label><textarea id="body" name="body" required maxlength="5000">${esc(draft.body)}</textarea>
<label for="name">${esc(w('name'))}</label><input type="text" id="name" name="name" maxlength="200" autocomplete="name" value="${esc(draft.name)}">
<label for="organisation">${esc(w('organisation'))}</label><input type="text" id="organisation" name="organisation" maxlength="200" autocomplete="organization" value="${esc(draft.organisation)}">
<p class="check"><input type="checkbox" id="consent" name="consent" value="yes"${draft.consent ? ' checked' : ''}> <label for="consent">${esc(w('consent'))}</label></p>
<p class="hint">${esc(w('privacy'))}</p>
<div class="trap" aria-hidden="true"><label for="website">${esc(w('trap'))}</label><input type="text" id="website" name="website" tabindex="-1" autocomplete="off"></div>
<input type="hidden" name="challenge" value="${esc(view.challenge ?? '')}"><input type="hidden" name="nonce" value="">
<noscript><p class="notice error">${esc(w('needsScript'))}</p></noscript>
<button type="submit">${esc(w('send'))}</button><p class="hint" id="form-status" role="status" aria-live="polite"></p>
</form></section>`
    : '';

  const notice = state.sent ? `<p class="notice ok" role="status">${esc(w('sent'))}</p>` : state.error ? `<p class="notice error" role="alert">${esc(state.error)}</p>` : '';
  const langs = LANGUAGES.map((l) => `<li><a href="${pageUrl(l)}" lang="${l}"${l === language ? ' aria-current="page"' : ''}>${esc(t(`consultation.public.languageName.${l}`))}</a></li>`).join('');
  const period = w(view.phase === 'open' ? 'openUntil' : 'closedOn', { from: date(view.opensOn), to: date(view.closesOn) });

  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(view.title)} — ${esc(view.authority)}</title><style>${STYLE}</style>${open ? '<script src="/consultations/consultation.js" defer></script>' : ''}</head>
<body><header><p class="authority">${esc(view.authority)} · ${esc(view.kind)}</p><nav aria-label="${esc(w('languages'))}"><ul class="langs">${langs}</ul></nav></header>
<main><h1${docLang}>${esc(view.title)}</h1><p class="period ${view.phase}">${esc(period)}</p>${notice}<div${docLang}>${paragraphs(view.intro)}</div>${sections}${items}${services}${figures}${whole}${form}</main>
<footer><p>${esc(w('footer'))}</p></footer></body></html>`;
}
