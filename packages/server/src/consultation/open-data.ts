import { AppError, consultationPhase, csvText, publicAuthor, publiclyVisible, type TCommentTarget, type TCountry } from '@potreby/domain';
import { COUNTRY_LANGUAGE, translator, type TLanguage } from '@potreby/i18n';
import { and, asc, eq, inArray, like, lte } from 'drizzle-orm';
import type { Db } from '../db/database';
import type { CountryModels } from '../model/country-model';
import { territoryName } from '../reports/document-text';
import { territory as territoryTable } from '../territories/tables';
import type { TerritoryRow } from '../territories/queries';
import { publicPathOf } from './consultations';
import { consultation, consultationComment } from './tables';
import { publicMemo } from './public-cache';
import { serviceTypeNamer } from '../catalogue/type-names';

/**
 * What a territory has published for its residents (issue 9, item 5), so far its consultations:
 * those of the territory and of every territory within it that have opened, and their moderated
 * comments with the answers — the same that the consultations' pages show, for bulk download
 * (CSV, JSON) under an open licence. Nothing not yet open, nothing waiting for a moderator, no
 * name without consent.
 */
export const OPEN_DATA_LICENCE = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' } as const;

export type PublicListing = {
  territory: { code: string; name: string; country: string };
  consultations: { id: number; title: string; titleLanguage: TLanguage; kind: string; authority: string; opensOn: string; closesOn: string; phase: 'open' | 'closed'; comments: number; path: string }[];
};

export function findPublicTerritory(db: Db, country: string, code: string): Promise<TerritoryRow> {
  return publicMemo(`territory:${country.toUpperCase()}:${code}`, async () => {
    const [row] = await db.select().from(territoryTable).where(and(eq(territoryTable.country, country.toUpperCase()), eq(territoryTable.code, code)));
    if (!row) throw new AppError('not_found');
    return row;
  });
}

async function openedConsultations(db: Db, place: TerritoryRow, today: string) {
  return db
    .select({ consultation, territory: territoryTable })
    .from(consultation)
    .innerJoin(territoryTable, eq(territoryTable.id, consultation.territoryId))
    .where(and(like(territoryTable.path, `${place.path}%`), lte(consultation.opensOn, today)))
    .orderBy(asc(consultation.closesOn), asc(consultation.id));
}

const nameIn = (t: TerritoryRow, language: TLanguage) => territoryName({ ...t, country: t.country as TCountry }, language);

export function publicListing(db: Db, place: TerritoryRow, language: TLanguage, today: string): Promise<PublicListing> {
  return publicMemo(`listing:${place.id}:${language}:${today}`, () => readListing(db, place, language, today));
}

async function readListing(db: Db, place: TerritoryRow, language: TLanguage, today: string): Promise<PublicListing> {
  const t = translator(language);
  const rows = await openedConsultations(db, place, today);
  const ids = rows.map((r) => r.consultation.id);
  const comments = ids.length === 0 ? [] : await db.select({ consultationId: consultationComment.consultationId, status: consultationComment.status }).from(consultationComment).where(inArray(consultationComment.consultationId, ids));
  const count = (id: number) => comments.filter((c) => c.consultationId === id && c.status === 'published').length;
  return {
    territory: { code: place.code, name: nameIn(place, language), country: place.country },
    consultations: rows
      .map((r) => ({
        id: r.consultation.id,
        title: r.consultation.title,
        titleLanguage: (COUNTRY_LANGUAGE as Record<string, TLanguage>)[r.territory.country] ?? language,
        kind: t(`consultation.kind.${r.consultation.kind}`),
        authority: nameIn(r.territory, language),
        opensOn: r.consultation.opensOn,
        closesOn: r.consultation.closesOn,
        phase: consultationPhase(r.consultation, today) as 'open' | 'closed',
        comments: count(r.consultation.id),
        path: publicPathOf(r.consultation.id),
      }))
      // Open ones first (closing soonest first), then the closed, newest first.
      .sort((a, b) => (a.phase === b.phase ? (a.phase === 'open' ? a.closesOn.localeCompare(b.closesOn) : b.closesOn.localeCompare(a.closesOn)) : a.phase === 'open' ? -1 : 1)),
  };
}

export type OpenComment = {
  consultationId: number;
  consultation: string;
  authority: string;
  target: string;
  receivedOn: string;
  comment: string | null;
  hiddenReason: string | null;
  author: string | null;
  answer: string | null;
  reason: string;
  change: string;
};

/** Every moderated comment of the territory's opened consultations, as the pages show them. */
export async function openComments(db: Db, models: CountryModels, place: TerritoryRow, language: TLanguage, today: string): Promise<OpenComment[]> {
  const t = translator(language);
  const model = await models.get(place.country as TCountry);
  const typeName = serviceTypeNamer(model.serviceTypes, language, t);
  const placeName = (id: number) => {
    const unit = model.territories.get(id);
    return unit ? territoryName({ ...unit, country: place.country as TCountry }, language) : '';
  };
  const rows = await openedConsultations(db, place, today);
  if (rows.length === 0) return [];
  const byId = new Map(rows.map((r) => [r.consultation.id, r]));
  const comments = await db.select().from(consultationComment).where(inArray(consultationComment.consultationId, [...byId.keys()])).orderBy(asc(consultationComment.consultationId), asc(consultationComment.receivedAt), asc(consultationComment.id));
  const targetText = (c: (typeof rows)[number]['consultation'], target: TCommentTarget) =>
    target.kind === 'whole'
      ? t('consultation.report.onWhole')
      : target.kind === 'section'
        ? (c.sections[target.section]?.heading ?? t('consultation.report.section', { n: target.section + 1 }))
        : target.kind === 'item'
          ? t('consultation.openData.item', { id: target.itemId })
          : target.kind === 'site'
            ? t('consultation.openData.site', { id: target.siteId })
            : t('consultation.public.figureLabel', { municipality: placeName(target.municipalityId), serviceType: typeName(target.serviceType) });
  return comments
    .filter((c) => publiclyVisible({ status: c.status as never }))
    .map((c) => {
      const owner = byId.get(c.consultationId)!;
      const hidden = c.status === 'hidden';
      const author = publicAuthor({ status: c.status as never, name: c.name, organisation: c.organisation, consent: c.consent, erasedAt: c.erasedAt?.toISOString() ?? null });
      return {
        consultationId: c.consultationId,
        consultation: owner.consultation.title,
        authority: nameIn(owner.territory, language),
        target: targetText(owner.consultation, c.target),
        receivedOn: c.receivedAt.toISOString().slice(0, 10),
        comment: hidden ? null : c.body,
        hiddenReason: hidden ? c.hiddenReason : null,
        author: hidden ? null : [author.name, author.organisation].filter(Boolean).join(', ') || null,
        answer: c.verdict ? t(`consultation.verdict.${c.verdict}`) : null,
        reason: c.reason,
        change: c.change,
      };
    });
}

const COLUMNS: (keyof OpenComment)[] = ['consultationId', 'consultation', 'authority', 'target', 'receivedOn', 'comment', 'hiddenReason', 'author', 'answer', 'reason', 'change'];

/** The comments as a CSV for people: headers in the reader's language, every text cell neutralised (csvText), BOM for Excel. */
export function openCommentsCsv(rows: readonly OpenComment[], language: TLanguage): string {
  const t = translator(language);
  const lines = [COLUMNS.map((c) => csvText(t(`consultation.openData.columns.${c}`))).join(',')];
  for (const r of rows) lines.push(COLUMNS.map((c) => (typeof r[c] === 'number' ? String(r[c]) : csvText((r[c] as string | null) ?? ''))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
