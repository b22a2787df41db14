import type { Actor } from '@potreby/domain';
import { and, desc, eq, gte, lte } from 'drizzle-orm';
import { loadConsultation, type LoadedConsultation } from '../consultation/consultations';
import { consultation } from '../consultation/tables';
import type { Db } from '../db/database';
import type { PlacedTerritory } from '../http/guards';

/** The territory's newest consultation that opened in the year, as its runner may manage it; null when there is none. */
export async function findConsultationOf(db: Db, actor: Actor, place: PlacedTerritory, year: number): Promise<LoadedConsultation | null> {
  const [row] = await db
    .select({ id: consultation.id })
    .from(consultation)
    .where(and(eq(consultation.territoryId, place.id), gte(consultation.opensOn, `${year}-01-01`), lte(consultation.opensOn, `${year}-12-31`)))
    .orderBy(desc(consultation.opensOn), desc(consultation.id))
    .limit(1);
  return row ? loadConsultation(db, actor, row.id) : null;
}
