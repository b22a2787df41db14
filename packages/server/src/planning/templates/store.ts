import { AppError, type TCountry } from '@potreby/domain';
import { applyTemplateEdit, type TTemplateEdit } from '@potreby/domain/planning/templates/edit-template';
import { SEEDED_TEMPLATES } from '@potreby/domain/planning/templates/seeded-templates';
import { ZRoundTemplate, type TRoundTemplate } from '@potreby/domain/planning/templates/template';
import { eq } from 'drizzle-orm';
import { recordChange, type ChangeAuthor } from '../../audit/record-change';
import type { Db } from '../../db/database';
import { planningTemplate } from './tables';

/** A template as it stands, and whether an administrator has edited it. */
export type StoredTemplate = { template: TRoundTemplate; edited: boolean; updatedAt: string | null };

type Row = typeof planningTemplate.$inferSelect;
const fromRow = (row: Row): StoredTemplate => ({
  template: ZRoundTemplate.parse({ key: row.key, country: row.country, legalBasis: row.legalBasis, ...(row.name ? { name: row.name } : {}), stages: row.stages }),
  edited: true,
  updatedAt: row.updatedAt.toISOString(),
});

/**
 * The country templates as they stand: each of the law's (in code) unless an administrator saved
 * an edit of it, in the code's order. Reading the code's template for a key that has no row
 * means a new database needs no seeding step, and a template the law adds reaches every database.
 */
export async function storedTemplates(db: Db, country?: TCountry): Promise<StoredTemplate[]> {
  const rows = await db.select().from(planningTemplate).where(country ? eq(planningTemplate.country, country) : undefined);
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return SEEDED_TEMPLATES.filter((t) => !country || t.country === country).map((t) => {
    const row = byKey.get(t.key);
    return row ? fromRow(row) : { template: t, edited: false, updatedAt: null };
  });
}

/** One template as it stands (see storedTemplates), or undefined. Rounds are scheduled from this. */
export async function storedTemplate(db: Db, key: string): Promise<StoredTemplate | undefined> {
  const seeded = SEEDED_TEMPLATES.find((t) => t.key === key);
  if (!seeded) return undefined;
  const [row] = await db.select().from(planningTemplate).where(eq(planningTemplate.key, key));
  return row ? fromRow(row) : { template: seeded, edited: false, updatedAt: null };
}

/** Save an administrator's edit (checked by the domain: no missing stage, no circle), audited. */
export async function updateTemplate(db: Db, author: ChangeAuthor, key: string, edit: TTemplateEdit): Promise<StoredTemplate> {
  const before = await storedTemplate(db, key);
  if (!before) throw new AppError('not_found');
  const after = applyTemplateEdit(before.template, edit);
  return db.transaction(async (tx) => {
    const values = { key, country: after.country, name: after.name ?? null, legalBasis: after.legalBasis, stages: after.stages, updatedBy: author.userId, updatedAt: new Date() };
    const [row] = await tx
      .insert(planningTemplate)
      .values(values)
      .onConflictDoUpdate({ target: planningTemplate.key, set: { name: values.name, stages: values.stages, updatedBy: values.updatedBy, updatedAt: values.updatedAt } })
      .returning();
    await recordChange(tx, author, { action: 'update', entity: 'planning_template', entityId: key, country: after.country, before: before.template, after });
    return fromRow(row!);
  });
}
