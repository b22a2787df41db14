import { romanise, type TCountry } from '@potreby/domain';
import { formatNumber, translator, type TLanguage } from '@potreby/i18n';
import type { TBlock, TDocument } from '../reports/document-blocks';
import { territoryName } from '../reports/document-text';
import { CONTENT_TYPES, type TDocumentFormat, slug } from '../reports/render-document';
import { writeDocx } from '../reports/write-docx';
import { writePdf } from '../reports/write-pdf';
import type { CountryModel } from '../model/country-model';
import type { TServicesReview } from './schema';
import type { TFunction } from 'i18next';
import { textsFor } from '../documents/wording';
import type { Db } from '../db/database';
import { serviceTypeNamer } from '../catalogue/type-names';

/**
 * The municipality's review as a document in the reader's language: title, municipality, the
 * registry's years, and per active service its name, provider, users and capacity by year, and
 * the forum's results, challenges and good practices with the partner. Capacity is shown with its
 * unit and never added to users: places and persons a year are different quantities.
 */
export function servicesReviewDocument(review: TServicesReview, model: CountryModel, language: TLanguage, t: TFunction = translator(language)): TDocument {
  const number = (value: number) => formatNumber(language, value);
  const none = t('review.document.none');
  const typeName = serviceTypeNamer(model.serviceTypes, language);
  const place = territoryName({ ...review.municipality, country: review.municipality.country as TCountry }, language);
  const community = t(`documents.common.community.${review.municipality.country}`, { name: place });
  const years = review.services.flatMap((s) => s.figures.map((f) => f.year));
  const from = years.length ? Math.min(...years) : review.year;
  const to = years.length ? Math.max(...years) : review.year;

  const blocks: TBlock[] = [
    { kind: 'subtitle', text: community, size: 'large', bold: true },
    { kind: 'title', text: t('review.document.kind') },
    { kind: 'subtitle', text: t('review.document.title'), size: 'large' },
    { kind: 'subtitle', text: t('review.document.year', { year: review.year }) },
    { kind: 'subtitle', text: t('review.document.years', { from, to }) },
  ];
  if (review.services.length === 0) blocks.push({ kind: 'paragraph', runs: [t('review.noServices', { year: review.year })] });
  // The year's users of every service side by side: persons only, since each capacity has its own unit.
  const usersInYear = review.services.map((s) => ({ s, users: s.figures.find((f) => f.year === review.year)?.users ?? null }));
  if (usersInYear.some((u) => u.users !== null)) {
    blocks.push({ kind: 'chart', title: t('review.document.usersChart', { year: review.year }), unit: t('documents.unit.persons'), bars: usersInYear.map(({ s, users }) => ({ label: s.name, value: users, text: users === null ? none : number(users) })) });
  }

  for (const s of review.services) {
    const settlement = territoryName({ ...s.settlement, country: s.settlement.country as TCountry }, language);
    blocks.push({ kind: 'heading', level: 1, text: `${s.name} — ${typeName(s.serviceType)}` });
    blocks.push({ kind: 'paragraph', runs: [{ text: `${t('review.provider')}: `, bold: true }, s.provider, ` · ${t('review.settlement')}: `, settlement] });
    blocks.push({ kind: 'heading', level: 2, text: t('review.document.figures') });
    blocks.push({
      kind: 'table',
      header: [t('review.year'), t('review.users'), t('review.document.capacityUnit', { unit: t(`review.unit.${s.unit}`) })],
      widths: [3, 4, 6],
      align: ['left', 'right', 'right'],
      rows: s.figures.map((f) => [String(f.year), f.users === null ? none : number(f.users), number(f.capacity)]),
    });
    for (const [key, text] of [
      ['results', s.notes.results],
      ['challenges', s.notes.challenges],
      ['goodPractices', s.notes.goodPractices],
    ] as const) {
      blocks.push({ kind: 'heading', level: 2, text: t(`review.${key}`) });
      blocks.push({ kind: 'paragraph', runs: [text || t('review.document.notWritten')] });
    }
    if (s.notes.partner) blocks.push({ kind: 'paragraph', runs: [{ text: t('review.document.partnerLine', { name: s.notes.partner }), italic: true }] });
  }

  const kind = t('review.document.kind');
  return {
    language,
    title: `${t('review.document.title')} — ${community}`,
    subject: t('review.document.year', { year: review.year }),
    pageLabel: t('documents.common.page', { page: '{{page}}', pages: '{{pages}}', interpolation: { skipOnVariables: true } }),
    runningHead: `${community} — ${kind}`,
    blocks,
  };
}

export async function renderServicesReview(db: Db, review: TServicesReview, model: CountryModel, language: TLanguage, format: TDocumentFormat) {
  // The fixed text as the country's administrators may have reworded it (Document texts).
  const document = servicesReviewDocument(review, model, language, await textsFor(db, review.municipality.country as TCountry, 'bg.services_review', language));
  const body = format === 'docx' ? await writeDocx(document) : await writePdf(document);
  const m = review.municipality;
  const fileName = `${[slug(translator(language)('review.document.fileName')), slug(romanise(m.name, m.country as TCountry)) || slug(m.code), String(review.year)].filter(Boolean).join('-')}.${format}`;
  return { body, fileName, contentType: CONTENT_TYPES[format] };
}
