import { translator } from '@potreby/i18n';
import ical from 'ical-generator';
import type { Db } from '../../db/database';
import { actorOfReader, languageOf, roundLabelOf, workOfReader, type Reader } from '../reminders/open-work';
import { loadRound } from '../rounds';

/**
 * The iCalendar feed of a person (all rounds they may read now) or of one round: an all-day
 * event on each due date of the work their territory owns, named in their language. A UID stays
 * the same for a stage, so a calendar app updates the event when its date moves.
 */
export async function calendarFeed(db: Db, reader: Reader, roundId?: number): Promise<string> {
  const language = languageOf(reader);
  const t = translator(language);
  // One round: it must be one the person may read now, else it does not exist (404).
  const name = roundId === undefined ? t('roundReminders.calendarName') : roundLabelOf(await loadRound(db, actorOfReader(reader), roundId), language);
  const calendar = ical({ name, prodId: { company: 'potreby', product: 'potreby', language: language.toUpperCase() } });
  for (const work of await workOfReader(db, reader, roundId)) {
    calendar.createEvent({
      id: `${work.kind}-${work.id}@potreby`,
      start: new Date(`${work.dueDate}T00:00:00Z`),
      allDay: true,
      summary: `${work.title} — ${work.roundLabel}`,
      description: t('roundReminders.calendarEvent', { title: work.title, round: work.roundLabel }),
    });
  }
  return calendar.toString();
}
