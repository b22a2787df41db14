import { formatDate, formatNumber, translator, type TLanguage } from '@potreby/i18n';
import { esc } from '../consultation/public-page';
import { SMALL_CELL, type PublicCount, type PublishedPart, type PublishedPlace } from './published';
import type { TPublicSection } from './publications';

/** Tables and the map of the published sections; the page's own style covers the rest. */
export const PUBLISHED_STYLE = `
.table-wrap{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.95rem}caption{text-align:left;font-weight:600;margin:.25rem 0 .5rem}
th,td{border-bottom:1px solid #dee2e6;padding:.35rem .5rem;text-align:left;vertical-align:top}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.services-map{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}.services-map figure{margin:0;flex:1 1 18rem}.services-map svg{width:100%;height:auto;background:#f1f3f5;border-radius:4px}
.services-map ul{flex:1 1 12rem;margin:0}.downloads{margin:.5rem 0 0}`;

/**
 * The sections a territory's authorities published, for the public page (consultation/public-site.ts):
 * per publishing territory (the place itself, then its municipalities), a section per published
 * part, each with its table, caption and open-data links. Plain HTML, every text escaped.
 */
export function renderPublished(published: PublishedPlace, language: TLanguage, apiBase: (code: string) => string, placeId: number): string {
  const t = translator(language);
  const w = (key: string, options?: Record<string, unknown>) => esc(t(`publicSite.${key}`, options));
  if (published.parts.length === 0) return `<section aria-labelledby="published-h"><h2 id="published-h">${w('page.published')}</h2><p class="hint">${w('page.nothingPublished')}</p></section>`;
  // Another territory's sections (a municipality's on its region's page) are named as its own.
  const several = published.parts.length > 1 || published.parts[0]!.territory.id !== placeId;
  const parts = published.parts.map((part) => renderPart(part, language, apiBase(part.territory.code), several)).join('');
  return several ? `<h2 id="published-h">${w('page.published')}</h2>${parts}` : parts;
}

function renderPart(part: PublishedPart, language: TLanguage, api: string, several: boolean): string {
  const t = translator(language);
  const w = (key: string, options?: Record<string, unknown>) => esc(t(`publicSite.${key}`, options));
  const n = (value: number, digits = 0) => esc(formatNumber(language, value, digits));
  const count = (c: PublicCount) => (c.fewerThan !== null ? w('services.fewerThan', { count: c.fewerThan }) : c.value === null ? w('services.notReported') : n(c.value));
  const place = part.territory.name;
  // The authority's own words (site names, fiches) are in its country's language: marked when that is not the page's (WCAG 3.1.2).
  const own = (text: string) => (part.textLanguage === language || text === '' ? esc(text) : `<span lang="${part.textLanguage}">${esc(text)}</span>`);
  const id = (section: string) => `${section}-${part.territory.id}`;
  const level = several ? 3 : 2;
  const head = (section: TPublicSection) =>
    `<h${level} id="${id(section)}-h">${w(`sections.${section}`)}${several ? ` — ${esc(place)}` : ''}</h${level}><p class="hint">${w('page.publishedOn', { date: formatDate(language, part.publishedOn[section]!) })}</p>`;
  const downloads = (table: TPublicSection) =>
    `<p class="downloads">${w('page.download')}: <a href="${api}/open-data/${table}?format=csv&amp;lang=${language}">CSV</a> · <a href="${api}/open-data/${table}?format=json&amp;lang=${language}">JSON</a></p>`;
  const table = (caption: string, columns: { key: string; num?: boolean }[], rows: string[][]) =>
    `<div class="table-wrap"><table><caption>${caption}</caption><thead><tr>${columns.map((c) => `<th scope="col"${c.num ? ' class="num"' : ''}>${w(`columns.${c.key}`)}</th>`).join('')}</tr></thead><tbody>${rows
      .map((r) => `<tr>${r.map((cell, i) => (i === 0 ? `<th scope="row">${cell}</th>` : `<td${columns[i]!.num ? ' class="num"' : ''}>${cell}</td>`)).join('')}</tr>`)
      .join('')}</tbody></table></div>`;
  const out: string[] = [];
  const { services, gaps, plan, fiches } = part.sections;

  if (services) {
    let body = '';
    if (services.sites.length === 0) body = `<p>${w('services.none')}</p>`;
    else {
      if (services.map) {
        const m = services.map;
        const titleId = `${id('map')}-t`;
        body += `<div class="services-map"><figure><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${m.width} ${m.height}" role="img" aria-labelledby="${titleId}"><title id="${titleId}">${w('services.mapTitle', { territory: place })}</title>${m.outline
          .map((points) => `<polygon points="${points}" fill="#fff" stroke="#495057" stroke-width="1.5"/>`)
          .join('')}${m.points.map((p) => `<circle cx="${p.x}" cy="${p.y}" r="${Math.min(4 + p.sites * 1.5, 14)}" fill="#1864ab" fill-opacity="0.75" stroke="#fff"><title>${esc(p.settlement)}: ${w('services.siteCount', { count: p.sites })}</title></circle>`).join('')}</svg><figcaption class="hint">${w('services.mapHint')}</figcaption></figure><ul>${m.points.map((p) => `<li>${esc(p.settlement)}: ${w('services.siteCount', { count: p.sites })}</li>`).join('')}</ul></div>`;
      }
      body += table(
        w('services.caption', { territory: place, year: services.year }),
        [{ key: 'name' }, { key: 'settlement' }, { key: 'serviceType' }, { key: 'capacity', num: true }, { key: 'unit' }, { key: 'users', num: true }, { key: 'waitingList', num: true }],
        services.sites.map((s) => [own(s.name), esc(s.settlement), esc(s.serviceType), n(s.capacity), esc(s.unit), count(s.users), count(s.waitingList)]),
      );
      body += `<p>${w('services.totals')}: ${services.totals.map((x) => `${n(x.capacity)} ${esc(x.unit)}`).join('; ')}</p><p class="hint">${w('services.smallCells', { count: SMALL_CELL - 1 })}</p>`;
    }
    out.push(`<section aria-labelledby="${id('services')}-h">${head('services')}${body}${downloads('services')}</section>`);
  }
  if (gaps) {
    const noEstimate = w('gaps.noEstimate');
    const body =
      gaps.rows.length === 0
        ? `<p>${w('gaps.none')}</p>`
        : table(
            w('gaps.caption', { territory: place, year: gaps.year }),
            [{ key: 'serviceType' }, { key: 'need', num: true }, { key: 'needUnit' }, { key: 'capacity', num: true }, { key: 'capacityUnit' }, { key: 'gap', num: true }],
            gaps.rows.map((r) => [esc(r.serviceType), r.need === null ? noEstimate : n(r.need, 1), esc(r.needUnit), n(r.capacity), esc(r.capacityUnit), r.need === null ? noEstimate : r.gap === null ? w('gaps.notComparable') : n(r.gap, 1)]),
          );
    out.push(`<section aria-labelledby="${id('gaps')}-h">${head('gaps')}${gaps.assessment ? `<p>${w('gaps.assessment', { title: '\u0000' }).replace('\u0000', own(gaps.assessment))}</p>` : ''}${body}${downloads('gaps')}</section>`);
  }
  if (plan) {
    const body =
      plan.items.length === 0
        ? `<p>${w('plan.none')}</p>`
        : `<p>${w(plan.items[0]!.signed ? 'plan.signed' : 'plan.draft')}</p>${table(
            w('plan.caption', { territory: place }),
            [{ key: 'serviceType' }, { key: 'action' }, { key: 'capacityChange', num: true }, { key: 'unit' }, { key: 'settlement' }, { key: 'startYear', num: true }, { key: 'round' }],
            plan.items.map((i) => [esc(i.serviceType), esc(i.action), n(i.capacityChange), esc(i.unit), esc(i.settlement), String(i.startYear), esc(i.round)]),
          )}`;
    out.push(`<section aria-labelledby="${id('plan')}-h">${head('plan')}${body}${downloads('plan')}</section>`);
  }
  if (fiches) {
    const body =
      fiches.items.length === 0
        ? `<p>${w('fiches.none')}</p>`
        : table(
            w('fiches.caption', { territory: place }),
            [{ key: 'title' }, { key: 'problems' }, { key: 'objectives' }, { key: 'settlements' }, { key: 'totalCost', num: true }, { key: 'status' }],
            fiches.items.map((f) => [own(f.title), f.problems.map(own).join('<br>'), own(f.objectives), esc(f.settlements.join(', ')), `${n(f.totalCost)} ${esc(f.currency)}`, esc(f.status)]),
          );
    out.push(`<section aria-labelledby="${id('fiches')}-h">${head('fiches')}${body}${downloads('fiches')}</section>`);
  }
  return out.join('');
}
