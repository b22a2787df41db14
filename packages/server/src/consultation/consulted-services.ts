import { commentTargetKey, kindIsMunicipal, type TCommentTarget, type TCountry, type TGapMethod } from '@potreby/domain';
import { formatNumber, translator, type TLanguage } from '@potreby/i18n';
import type { Db } from '../db/database';
import { sitesOf } from '../documents/sources';
import { gapSummaryOf } from '../gaps/gap-report';
import type { CountryModels } from '../model/country-model';
import { roundMunicipalities } from '../planning/rounds';
import { publishedWithin } from '../public-site/publications';
import { territoryName } from '../reports/document-text';
import type { LoadedConsultation } from './consultations';
import type { TPublicFigure, TPublicSite } from './schema';
import { serviceTypeNamer } from '../catalogue/type-names';

/**
 * The services and figures a consulted document rests on, which residents may comment on one by
 * one (issue 9, item 1: "a specific plan item, service or figure") — those the authority has
 * published (public-site/publications.ts), as its public page shows them: the service sites of the
 * consulted municipalities in the registry of the round's first year (the newest before it if
 * that year has none), and need against capacity for each service type by the round's method —
 * each figure in its own units, "no estimate" where there is none, a gap only where need and
 * capacity count the same thing.
 */
export async function consultedServices(db: Db, models: CountryModels, loaded: LoadedConsultation, language: TLanguage): Promise<{ sites: TPublicSite[]; figures: TPublicFigure[] }> {
  const t = translator(language);
  const country = loaded.territory.country as TCountry;
  const model = await models.get(country);
  const types = new Map(model.serviceTypes.map((s) => [s.key, s]));
  const typeName = serviceTypeNamer(model.serviceTypes, language, t);
  const placeName = (id: number) => {
    const place = model.territories.get(id);
    return place ? territoryName({ ...place, country }, language) : '';
  };
  const { round } = loaded.round;
  const municipalities = kindIsMunicipal(loaded.consultation.kind as never) ? [loaded.territory] : await roundMunicipalities(db, loaded.round.territory);
  // Only what the authority chose to publish (the Publication screen): a municipality's sites once
  // it (or the consulting region) has published its services, its figures once it has its gaps.
  const published = await publishedWithin(db, loaded.territory.path);
  const isPublished = (municipalityId: number, section: 'services' | 'gaps') => !!published.get(municipalityId)?.has(section) || !!published.get(loaded.territory.id)?.has(section);
  const sites: TPublicSite[] = [];
  const figures: TPublicFigure[] = [];
  for (const m of municipalities) {
    const municipality = territoryName({ ...m, country }, language);
    const registry = await sitesOf(db, { ...m, country } as never, round.periodStart);
    for (const s of isPublished(m.id, 'services') ? (registry?.sites ?? []) : []) {
      const unit = types.get(s.serviceType)?.unit ?? 'places';
      sites.push({ id: s.id, key: commentTargetKey({ kind: 'site', siteId: s.id }), name: s.name, municipality, settlement: placeName(s.settlementId), serviceType: typeName(s.serviceType), capacity: `${formatNumber(language, s.capacity)} ${t(`documents.unit.${unit}`)}`, year: registry!.year });
    }
    if (!isPublished(m.id, 'gaps')) continue;
    const { summary } = await gapSummaryOf(models, m, registry?.year ?? round.periodStart, round.method as TGapMethod);
    for (const g of summary.rows) {
      if (g.need === null && g.capacity === 0) continue;
      const amount = (value: number, unit: string) => `${formatNumber(language, Math.round(value))} ${t(`documents.unit.${unit}`)}`;
      figures.push({
        key: commentTargetKey({ kind: 'figure', municipalityId: m.id, serviceType: g.serviceType }),
        municipalityId: m.id,
        serviceTypeKey: g.serviceType,
        municipality,
        serviceType: typeName(g.serviceType),
        need: g.need === null ? t('consultation.public.noEstimate') : amount(g.need, g.needUnit),
        capacity: amount(g.capacity, g.capacityUnit),
        gap: g.comparable && g.gap !== null ? amount(g.gap, g.capacityUnit) : null,
      });
    }
  }
  return { sites, figures };
}

/** What a comment is aimed at, as the page, the report and the open data name it. */
export function targetLabel(
  target: TCommentTarget,
  document: { sections: { heading: string }[]; items: { id: number; municipality: string; action: string; serviceType: string }[]; sites: TPublicSite[]; figures: TPublicFigure[] },
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  switch (target.kind) {
    case 'whole':
      return t('consultation.report.onWhole');
    case 'section':
      return document.sections[target.section]?.heading ?? t('consultation.report.section', { n: target.section + 1 });
    case 'item': {
      const i = document.items.find((x) => x.id === target.itemId);
      return i ? `${i.municipality}: ${i.action} — ${i.serviceType}` : t('consultation.report.removedItem');
    }
    case 'site': {
      const s = document.sites.find((x) => x.id === target.siteId);
      return s ? t('consultation.public.siteLabel', { name: s.name, serviceType: s.serviceType, settlement: s.settlement }) : t('consultation.report.removedService');
    }
    case 'figure': {
      const f = document.figures.find((x) => x.key === commentTargetKey(target));
      return f ? t('consultation.public.figureLabel', { municipality: f.municipality, serviceType: f.serviceType }) : t('consultation.report.removedFigure');
    }
  }
}
