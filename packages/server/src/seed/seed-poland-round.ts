import { shiftIsoDate } from '@potreby/domain';
import type { Db } from '../db/database';
import { createConsultation } from '../consultation/consultations';
import { createRound, today } from '../planning/rounds';
import type { TerritoryRow } from '../territories/queries';
import { SEED_ACTOR, SEED_AUTHOR } from './seed-demo';

const ILLUSTRATIVE = 'Przykład ilustracyjny (demonstracja)';

/**
 * ILLUSTRATIVE round of gmina Niemce under Poland's procedure (template pl.social_services,
 * 2026–2029: diagnosis, consultation with residents, programme, council resolution, OZPS by
 * 30 April) and the residents' consultation on the draft programme of social services, open for
 * 30 days from the day the demo is loaded (story 5 of PRODUCT.md). The programme's text here is a
 * short invented summary; the document itself is written from the data (Documents screen).
 */
export async function seedNiemceRound(db: Db, gmina: TerritoryRow): Promise<void> {
  const start = '2026-01-12';
  const { round } = await createRound(db, SEED_ACTOR, SEED_AUTHOR, { territoryId: gmina.id, templateKey: 'pl.social_services', periodStart: 2026, periodEnd: 2029, start, method: 'normative', checkSettings: {} }, start);
  const opensOn = today();
  await createConsultation(db, SEED_ACTOR, SEED_AUTHOR, round.id, {
    kind: 'programme',
    title: `Projekt programu usług społecznych gminy Niemce na lata 2026–2029 — ${ILLUSTRATIVE.toLowerCase()}`,
    intro: `${ILLUSTRATIVE}. Centrum Usług Społecznych w Niemcach zaprasza mieszkańców do zgłaszania uwag do projektu programu, przygotowanego na podstawie diagnozy potrzeb i potencjału gminy.`,
    sections: [
      { heading: 'Wnioski z diagnozy', body: 'Najwięcej osób potrzebuje usług opiekuńczych w miejscu zamieszkania i wsparcia dla opiekunów osób starszych.' },
      { heading: 'Usługi do rozwoju', body: 'Rozszerzenie usług opiekuńczych, klub seniora w kolejnej miejscowości, transport do usług dla mieszkańców wsi.' },
      { heading: 'Dostęp do usług', body: 'Wnioski przyjmuje Centrum Usług Społecznych; informacja o usługach w Biuletynie Informacji Publicznej i w centrum.' },
    ],
    opensOn,
    closesOn: shiftIsoDate(opensOn, 29),
  });
}
