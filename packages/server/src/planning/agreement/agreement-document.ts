import { romanise, type TCountry } from '@potreby/domain';
import type { AgreementContent } from '@potreby/domain/planning/agreement';
import { COUNTRY_LANGUAGE, currencySign, formatNumber, translator, type TLanguage } from '@potreby/i18n';
import type { TBlock, TDocument } from '../../reports/document-blocks';
import { CONTENT_TYPES, type TDocumentFormat, slug } from '../../reports/render-document';
import { writeDocx } from '../../reports/write-docx';
import { writePdf } from '../../reports/write-pdf';
import type { CountryModel } from '../../model/country-model';
import type { TVersionView } from './schema';
import type { TFunction } from 'i18next';
import { textsFor } from '../../documents/wording';
import type { Db } from '../../db/database';
import { serviceTypeNamer } from '../../catalogue/type-names';

/** The agreement is signed in the round's country's language: Bulgarian, Ukrainian or Polish. */
export const agreementLanguage = (country: string): TLanguage => COUNTRY_LANGUAGE[country as keyof typeof COUNTRY_LANGUAGE] ?? 'en';

/**
 * The mayors' agreement of one version as a document: the parties, the shared services (host,
 * places per municipality in the service's unit, start year, cost share), each municipality's
 * items, the version's number and content hash, and a signature line per party. Places and
 * persons a year are never added up; a cost not known is written as such, never as 0.
 */
export function agreementDocument(version: TVersionView, territoryName: string, model: CountryModel, language: TLanguage, t: TFunction = translator(language)): TDocument {
  const c: AgreementContent = version.content;
  const number = (value: number) => formatNumber(language, value);
  const currency = currencySign(language, c.currency);
  const money = (value: number | null) => (value === null ? t('agreement.document.noCost') : `${number(Math.round(value))} ${currency}`);
  const typeName = serviceTypeNamer(model.serviceTypes, language, t);
  const partyName = new Map(c.parties.map((p) => [p.municipalityId, p.name]));
  // The mayor's name as the version's own position records it (whoever signed or answered for the
  // municipality), else a line to write it on. Kept out of the content: naming a signatory is not
  // a change of the plan, and must not make a new version.
  const signatory = new Map(version.positions.filter((p) => p.signatoryName.trim() !== '').map((p) => [p.municipalityId, p.signatoryName.trim()]));
  const mayorOf = (p: { municipalityId: number; mayorName: string | null }) => p.mayorName ?? signatory.get(p.municipalityId) ?? null;
  const nameOf = (id: number) => partyName.get(id) ?? String(id);
  const unit = (u: string) => t(`agreement.unit.${u}`);

  const blocks: TBlock[] = [
    { kind: 'title', text: t('agreement.document.kind') },
    { kind: 'subtitle', text: t('agreement.document.title', { territory: territoryName }), size: 'large' },
    { kind: 'subtitle', text: t('agreement.document.period', { from: c.periodStart, to: c.periodEnd }) },
    { kind: 'subtitle', text: t('agreement.document.version', { number: version.number, status: t(`agreement.status.${version.status}`) }) },
    { kind: 'paragraph', runs: [{ text: t('agreement.document.hash', { hash: version.contentHash }), italic: true }], size: 'small' },
    { kind: 'heading', level: 1, text: t('agreement.parties') },
    { kind: 'bullets', items: c.parties.map((p) => [t('agreement.document.party', { name: p.name, mayor: mayorOf(p) ?? '________________' })]) },
    { kind: 'heading', level: 1, text: t('agreement.services') },
  ];
  if (c.services.length === 0) blocks.push({ kind: 'paragraph', runs: [t('agreement.noServices')] });
  for (const s of c.services) {
    blocks.push({ kind: 'heading', level: 2, text: `${typeName(s.serviceType)} — ${nameOf(s.host)}` });
    blocks.push({
      kind: 'paragraph',
      runs: [t('agreement.document.serviceLine', { host: nameOf(s.host), capacity: number(s.capacity), unit: unit(s.unit), year: s.startYear, cost: money(s.cost) })],
    });
    blocks.push({
      kind: 'table',
      header: [t('agreement.municipality'), t('agreement.places', { unit: unit(s.unit) }), t('agreement.costShare', { currency })],
      widths: [6, 4, 4],
      align: ['left', 'right', 'right'],
      rows: s.parts.map((p) => [p.host ? `${nameOf(p.municipalityId)} (${t('agreement.host')})` : nameOf(p.municipalityId), number(p.places), money(p.cost)]),
    });
  }
  blocks.push({ kind: 'heading', level: 1, text: t('agreement.items') });
  for (const p of c.parties) {
    const items = c.items.filter((i) => i.municipalityId === p.municipalityId);
    blocks.push({ kind: 'heading', level: 2, text: p.name });
    if (items.length === 0) {
      blocks.push({ kind: 'paragraph', runs: [t('agreement.noItems')] });
      continue;
    }
    blocks.push({
      kind: 'table',
      header: [t('agreement.serviceType'), t('agreement.action'), t('agreement.capacityChange'), t('agreement.startYear'), t('agreement.cost', { currency })],
      widths: [6, 3, 4, 2, 4],
      align: ['left', 'left', 'right', 'right', 'right'],
      rows: items.map((i) => [typeName(i.serviceType), t(`agreement.actions.${i.action}`), `${number(i.capacityChange)} ${unit(i.unit)}`, String(i.startYear), money(i.cost)]),
    });
  }
  blocks.push({ kind: 'heading', level: 1, text: t('agreement.document.signatures') });
  blocks.push({
    kind: 'signatures',
    rows: c.parties.map((p) => ({ role: t('agreement.document.mayorOf', { name: p.name }), name: mayorOf(p) })),
    signatureLabel: t('agreement.document.signature'),
    nameLabel: t('agreement.document.name'),
  });

  return {
    language,
    title: `${t('agreement.document.kind')} — ${territoryName}`,
    subject: t('agreement.document.version', { number: version.number, status: t(`agreement.status.${version.status}`) }),
    pageLabel: t('documents.common.page', { page: '{{page}}', pages: '{{pages}}', interpolation: { skipOnVariables: true } }),
    runningHead: `${territoryName} — ${t('agreement.document.kind')}`,
    blocks,
  };
}

export async function renderAgreement(db: Db, version: TVersionView, territory: { name: string; code: string; country: string }, model: CountryModel, format: TDocumentFormat) {
  const language = agreementLanguage(territory.country);
  // The fixed text as the country's administrators may have reworded it (Document texts).
  const document = agreementDocument(version, territory.name, model, language, await textsFor(db, territory.country as TCountry, 'bg.agreement', language));
  const body = format === 'docx' ? await writeDocx(document) : await writePdf(document);
  const place = slug(romanise(territory.name, territory.country as TCountry)) || slug(territory.code);
  const fileName = `${[slug(translator(language)('agreement.document.fileName')), place, `v${version.number}`].filter(Boolean).join('-')}.${format}`;
  return { body, fileName, contentType: CONTENT_TYPES[format] };
}
