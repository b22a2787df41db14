import { LANGUAGES } from '@potreby/domain';
import { formatDate, translator, type TLanguage } from '@potreby/i18n';
import { OPEN_DATA_LICENCE, type PublicListing } from './open-data';
import { esc, STYLE } from './public-page';
import { PUBLISHED_STYLE } from '../public-site/page';

/**
 * A territory's public page (issue 9, item 5): what its authorities have published — so far
 * their consultations, open and closed — and the open-data downloads of them. Plain HTML from
 * the server like a consultation's page: no script, every stored text escaped.
 */
/** `published`: the sections its authorities published (public-site/page.ts renderPublished), shown first. */
export function renderTerritoryPage(listing: PublicListing, language: TLanguage, today: string, published = ''): string {
  const t = translator(language);
  const w = (key: string, options?: Record<string, unknown>) => t(`consultation.site.${key}`, options);
  const base = `/public/${listing.territory.country}/${encodeURIComponent(listing.territory.code)}`;
  const api = `/api/v1/public/territories/${listing.territory.country}/${encodeURIComponent(listing.territory.code)}`;
  const date = (iso: string) => formatDate(language, iso);
  // The authority's own words are in its country's language: marked when that is not the page's (WCAG 3.1.2).
  const langAttr = (l: TLanguage) => (l === language ? '' : ` lang="${l}"`);
  const item = (c: PublicListing['consultations'][number]) =>
    `<article aria-labelledby="c-${c.id}"><h3 id="c-${c.id}"${langAttr(c.titleLanguage)}><a href="${c.path}?lang=${language}">${esc(c.title)}</a></h3><p class="authority">${esc(c.authority)} · ${esc(c.kind)}</p><p class="period ${c.phase}">${esc(t(c.phase === 'open' ? 'consultation.public.openUntil' : 'consultation.public.closedOn', { from: date(c.opensOn), to: date(c.closesOn) }))}</p><p>${esc(t('consultation.public.commentCount', { count: c.comments }))}</p></article>`;
  const open = listing.consultations.filter((c) => c.phase === 'open');
  const closed = listing.consultations.filter((c) => c.phase === 'closed');
  const list = (items: typeof open, none: string) => (items.length > 0 ? items.map(item).join('') : `<p class="hint">${esc(none)}</p>`);
  const langs = LANGUAGES.map((l) => `<li><a href="${base}?lang=${l}" lang="${l}"${l === language ? ' aria-current="page"' : ''}>${esc(t(`consultation.public.languageName.${l}`))}</a></li>`).join('');
  const download = (format: 'csv' | 'json') => `<a href="${api}/open-data/consultation-comments?format=${format}&amp;lang=${language}">${format.toUpperCase()}</a>`;

  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(w('title', { territory: listing.territory.name }))}</title><style>${STYLE}${PUBLISHED_STYLE}</style></head>
<body><header><nav aria-label="${esc(t('consultation.public.languages'))}"><ul class="langs">${langs}</ul></nav></header>
<main><h1>${esc(w('title', { territory: listing.territory.name }))}</h1><p>${esc(w('intro'))}</p>${published}
<section aria-labelledby="open-h"><h2 id="open-h">${esc(w('open'))}</h2>${list(open, w('noneOpen'))}</section>
<section aria-labelledby="closed-h"><h2 id="closed-h">${esc(w('closed'))}</h2>${list(closed, w('noneClosed'))}</section>
<section aria-labelledby="data-h"><h2 id="data-h">${esc(w('openData'))}</h2><p>${esc(w('openDataText', { date: date(today) }))}</p><p>${esc(w('comments'))}: ${download('csv')} · ${download('json')}</p>
<p>${esc(w('licence'))}: <a href="${OPEN_DATA_LICENCE.url}">${OPEN_DATA_LICENCE.name}</a>. ${esc(w('api'))} <a href="/api/docs">${esc(w('apiLink'))}</a>.</p></section></main>
<footer><p>${esc(t('consultation.public.footer'))}</p></footer></body></html>`;
}
