import { createHash } from 'node:crypto';
import { AppError, reaches, type Actor } from '@potreby/domain';
import { agreementContent, canonicalAgreement, compareAgreements, everyoneSigned, type AgreementContent, type TMayorPosition } from '@potreby/domain/planning/agreement';
import { ROUND_CURRENCY, type TFundingSource, type TProposalAction } from '@potreby/domain/planning/proposal';
import type { TCapacityUnit } from '@potreby/domain';
import { and, asc, desc, eq } from 'drizzle-orm';
import { recordChange, type ChangeAuthor } from '../../audit/record-change';
import type { Database, Db } from '../../db/database';
import type { CountryModels } from '../../model/country-model';
import { listItems } from '../items';
import { evaluateRound } from '../plan-report';
import { loadRound, roundMunicipalities, today, type LoadedRound } from '../rounds';
import { agreementVersion, mayorPosition } from './tables';
import type { TPositionInput, TVersionView } from './schema';

type Ctx = { database: Database; models: CountryModels };
type VersionRow = typeof agreementVersion.$inferSelect;
type PositionRow = typeof mayorPosition.$inferSelect;

const invalid = (path: string, message: string) => new AppError('validation.invalid', {}, { issues: [{ path, message }] });

/** Who records a municipality's position: its own officers (an administrator too, as for the policy's other writes). */
const RECORDERS: ReadonlySet<Actor['role']> = new Set(['admin', 'municipal_officer']);
/** Who generates the draft: those who run the round (planning/access.ts mayRunRound). */
const GENERATORS: ReadonlySet<Actor['role']> = new Set(['admin', 'regional_officer']);

export const hashAgreement = (content: AgreementContent): string => createHash('sha256').update(canonicalAgreement(content), 'utf8').digest('hex');

const summary = (v: VersionRow) => ({
  id: v.id,
  roundId: v.roundId,
  number: v.number,
  contentHash: v.contentHash,
  status: v.status as 'draft' | 'signed',
  createdAt: v.createdAt.toISOString(),
  signedAt: v.signedAt?.toISOString() ?? null,
});

const positionView = (p: PositionRow) => ({
  municipalityId: p.municipalityId,
  position: p.position as TMayorPosition,
  reason: p.reason,
  decisionNumber: p.decisionNumber,
  decisionDate: p.decisionDate,
  signatoryName: p.signatoryName,
  recordedAt: p.recordedAt.toISOString(),
});

/** The agreement's content as the round's plan stands now. */
export async function currentContent(ctx: Ctx, loaded: LoadedRound): Promise<AgreementContent> {
  const { db } = ctx.database;
  const municipalities = await roundMunicipalities(db, loaded.territory);
  const rows = await listItems(db, loaded.round.id, municipalities.map((m) => m.id));
  const { evaluation } = await evaluateRound(ctx, loaded, today());
  const costs = evaluation.budget.itemCosts;
  return agreementContent({
    roundId: loaded.round.id,
    country: loaded.territory.country,
    territoryCode: loaded.territory.code,
    periodStart: loaded.round.periodStart,
    periodEnd: loaded.round.periodEnd,
    currency: ROUND_CURRENCY[loaded.territory.country] ?? '',
    // No register of mayors: the document names the signatories each version's positions record.
    parties: municipalities.map((m) => ({ municipalityId: m.id, code: m.code, name: m.name, mayorName: null })),
    items: rows.map((r) => ({
      id: r.id,
      municipalityId: r.municipalityId,
      action: r.action as TProposalAction,
      serviceType: r.serviceType,
      capacityChange: r.capacityChange,
      unit: r.unit as TCapacityUnit,
      served: r.served,
      startYear: r.startYear,
      fundingSource: r.fundingSource as TFundingSource,
      annualCost: r.annualCost,
      explanation: r.explanation,
    })),
    costOf: (i) => costs.get(i.id)?.cost ?? null,
  });
}

export async function listVersions(db: Db, roundId: number) {
  return (await db.select().from(agreementVersion).where(eq(agreementVersion.roundId, roundId)).orderBy(desc(agreementVersion.number))).map(summary);
}

async function present(db: Db, v: VersionRow): Promise<TVersionView> {
  const positions = await db.select().from(mayorPosition).where(eq(mayorPosition.versionId, v.id)).orderBy(asc(mayorPosition.municipalityId));
  return { ...summary(v), content: v.content, positions: positions.map(positionView) };
}

/** A version the actor may read (a reader of its round); outside reach it does not exist. */
export async function loadVersion(db: Db, actor: Actor, id: number): Promise<{ version: VersionRow; loaded: LoadedRound }> {
  const [version] = await db.select().from(agreementVersion).where(eq(agreementVersion.id, id));
  if (!version) throw new AppError('not_found');
  const loaded = await loadRound(db, actor, version.roundId);
  return { version, loaded };
}

export async function readVersion(db: Db, actor: Actor, id: number): Promise<TVersionView & { loaded: LoadedRound }> {
  const { version, loaded } = await loadVersion(db, actor, id);
  return { ...(await present(db, version)), loaded };
}

/**
 * Generate the draft from the plan as it stands. The same content (same hash) as the newest
 * version gives that version back, whether draft or signed; other content makes version
 * number + 1. A signed version is never touched.
 */
export async function generateDraft(ctx: Ctx, actor: Actor, author: ChangeAuthor, roundId: number): Promise<TVersionView & { created: boolean }> {
  const { db } = ctx.database;
  const loaded = await loadRound(db, actor, roundId, 'run');
  if (!GENERATORS.has(actor.role)) throw new AppError('auth.forbidden');
  const content = await currentContent(ctx, loaded);
  const contentHash = hashAgreement(content);
  return db.transaction(async (tx) => {
    const [newest] = await tx.select().from(agreementVersion).where(eq(agreementVersion.roundId, roundId)).orderBy(desc(agreementVersion.number)).limit(1);
    if (newest && newest.contentHash === contentHash) return { ...(await present(tx, newest)), created: false };
    const [created] = await tx
      .insert(agreementVersion)
      .values({ roundId, number: (newest?.number ?? 0) + 1, content, contentHash, createdBy: author.userId })
      .returning();
    await recordChange(tx, author, {
      action: 'create',
      entity: 'agreement_version',
      entityId: created!.id,
      country: loaded.territory.country,
      territoryId: loaded.territory.id,
      after: { roundId, number: created!.number, contentHash, status: created!.status },
    });
    return { ...(await present(tx, created!)), created: true };
  });
}

/**
 * Record a municipality's position on a version: only its own officers, only on a version not
 * yet signed. When the last party signs, the version becomes signed and frozen.
 */
export async function recordPosition(db: Db, actor: Actor, author: ChangeAuthor, versionId: number, input: TPositionInput): Promise<TVersionView> {
  const { version, loaded } = await loadVersion(db, actor, versionId);
  const party = version.content.parties.find((p) => p.municipalityId === input.municipalityId);
  if (!party) throw new AppError('agreement.not_a_party');
  const municipality = (await roundMunicipalities(db, loaded.territory)).find((m) => m.id === input.municipalityId);
  if (!municipality || !reaches(actor, municipality) || !RECORDERS.has(actor.role)) throw new AppError('auth.forbidden');
  if (input.position === 'objects' && !input.reason) throw invalid('reason', 'position_reason_required');
  if (input.position === 'signed' && !input.decisionNumber) throw invalid('decisionNumber', 'decision_required');
  if (input.position === 'signed' && !input.decisionDate) throw invalid('decisionDate', 'decision_required');
  return db.transaction(async (tx) => {
    // Re-read under the transaction: a version signed meanwhile is frozen.
    const [current] = await tx.select().from(agreementVersion).where(eq(agreementVersion.id, versionId));
    if (current!.status === 'signed') throw new AppError('agreement.signed');
    // Positions are taken on the newest version only: an older draft no longer says what the plan is.
    const [newest] = await tx.select({ id: agreementVersion.id }).from(agreementVersion).where(eq(agreementVersion.roundId, current!.roundId)).orderBy(desc(agreementVersion.number)).limit(1);
    if (newest!.id !== versionId) throw new AppError('agreement.superseded');
    const [before] = await tx.select().from(mayorPosition).where(and(eq(mayorPosition.versionId, versionId), eq(mayorPosition.municipalityId, input.municipalityId)));
    const values = {
      position: input.position,
      reason: input.position === 'objects' ? input.reason : '',
      decisionNumber: input.position === 'signed' ? input.decisionNumber : null,
      decisionDate: input.position === 'signed' ? input.decisionDate : null,
      signatoryName: input.signatoryName,
      recordedBy: author.userId,
      recordedAt: new Date(),
    };
    const [after] = before
      ? await tx.update(mayorPosition).set(values).where(eq(mayorPosition.id, before.id)).returning()
      : await tx.insert(mayorPosition).values({ versionId, municipalityId: input.municipalityId, ...values }).returning();
    const audit = (p: PositionRow) => ({ ...positionView(p), versionId: p.versionId, number: version.number });
    await recordChange(tx, author, {
      action: before ? 'update' : 'create',
      entity: 'mayor_position',
      entityId: after!.id,
      country: loaded.territory.country,
      territoryId: input.municipalityId,
      before: before ? audit(before) : undefined,
      after: audit(after!),
    });
    const positions = await tx.select().from(mayorPosition).where(eq(mayorPosition.versionId, versionId));
    let row = current!;
    if (everyoneSigned(version.content.parties, new Map(positions.map((p) => [p.municipalityId, p.position as TMayorPosition])))) {
      row = (await tx.update(agreementVersion).set({ status: 'signed', signedAt: new Date() }).where(eq(agreementVersion.id, versionId)).returning())[0]!;
      await recordChange(tx, author, {
        action: 'update',
        entity: 'agreement_version',
        entityId: versionId,
        country: loaded.territory.country,
        territoryId: loaded.territory.id,
        before: { status: 'draft' },
        after: { status: 'signed', number: row!.number, contentHash: row!.contentHash, signedAt: row!.signedAt?.toISOString() },
      });
    }
    return present(tx, row!);
  });
}

/** Two versions of the round side by side. */
export async function compareVersions(db: Db, actor: Actor, roundId: number, a: number, b: number) {
  const loaded = await loadRound(db, actor, roundId);
  const versions = await db.select().from(agreementVersion).where(eq(agreementVersion.roundId, loaded.round.id));
  const va = versions.find((v) => v.id === a);
  const vb = versions.find((v) => v.id === b);
  if (!va || !vb) throw new AppError('not_found');
  return { a: summary(va), b: summary(vb), rows: compareAgreements(va.content, vb.content) };
}
