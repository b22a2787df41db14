import { shiftIsoDate } from '@potreby/domain';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/database';
import { answerComment, createConsultation, moderateComment } from '../consultation/consultations';
import { consultationComment } from '../consultation/tables';
import { recordChange } from '../audit/record-change';
import { proposalItem } from '../planning/tables';
import { today } from '../planning/rounds';
import { SEED_ACTOR, SEED_AUTHOR } from './seed-demo';

const ILLUSTRATIVE = 'Илюстративен пример (демонстрация)';

/**
 * ILLUSTRATIVE public consultation of the demo round's draft agreement (issue 9, item 1), open
 * for 30 days from the day the demo is loaded, so that its public page takes comments at first
 * start. Two invented comments, marked illustrative: one published and answered "partly" with the
 * item it changed, one waiting for the moderator. Written directly, as a resident's comment is
 * stored (its proof of work is a browser's); moderated and answered through the use cases.
 */
export async function seedConsultation(database: Database, roundId: number): Promise<void> {
  const { db } = database;
  const opensOn = today();
  const { consultation } = await createConsultation(db, SEED_ACTOR, SEED_AUTHOR, roundId, {
    kind: 'draft_agreement',
    title: `Проект на споразумение между общините в област Пазарджик за 2026–2030 г. — ${ILLUSTRATIVE.toLowerCase()}`,
    intro: `${ILLUSTRATIVE}. Общините в област Пазарджик съгласуват кои социални услуги на чия територия се предоставят и кои се ползват от жителите на съседни общини.`,
    sections: [
      { heading: 'Предмет на споразумението', body: 'Услугите с регионален обхват и общините, които ги предоставят и ползват.' },
      { heading: 'Споделени услуги', body: 'Центърът за рехабилитация в Пазарджик приема и жители на Септември и Лесичово.\n\nМобилна услуга от Пещера покрива потребността от дневна грижа в Батак.' },
      { heading: 'Финансиране', body: 'Делегираните от държавата дейности се финансират по стандарти; общините поемат транспорта на потребителите от съседните общини.' },
    ],
    opensOn,
    closesOn: shiftIsoDate(opensOn, 29),
  });
  const [shared] = await db
    .select({ id: proposalItem.id })
    .from(proposalItem)
    .where(and(eq(proposalItem.roundId, roundId), eq(proposalItem.serviceType, 'bg.therapy_rehabilitation')));
  const comments = [
    { target: shared ? { kind: 'item' as const, itemId: shared.id } : { kind: 'whole' as const }, body: `${ILLUSTRATIVE}: Ще има ли транспорт до центъра за хората от Лесичово? Без него местата няма да се използват.`, name: 'Сдружение на хората с увреждания (пример)', consent: true },
    { target: { kind: 'section' as const, section: 2 }, body: `${ILLUSTRATIVE}: Кой плаща транспорта, ако общината няма бюджет за него?`, name: null, consent: false },
  ];
  const ids: number[] = [];
  for (const c of comments) {
    const [row] = await db.insert(consultationComment).values({ consultationId: consultation.id, target: c.target, body: c.body, name: c.name, consent: c.consent }).returning({ id: consultationComment.id });
    await recordChange(db, SEED_AUTHOR, { action: 'seed', entity: 'consultation_comment', entityId: row!.id, country: 'BG', after: { consultationId: consultation.id, target: c.target, status: 'pending' } });
    ids.push(row!.id);
  }
  await moderateComment(db, SEED_ACTOR, SEED_AUTHOR, ids[0]!, { status: 'published' });
  await answerComment(db, SEED_ACTOR, SEED_AUTHOR, ids[0]!, {
    verdict: 'partly',
    reason: `${ILLUSTRATIVE}: Транспорт се осигурява два дни в седмицата; за останалите дни — по заявка.`,
    change: 'В споразумението е добавено задължение за транспорт на потребителите от Септември и Лесичово.',
    changedItemId: shared?.id ?? null,
  });
}
