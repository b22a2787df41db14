import type { TCountry } from '@potreby/domain';
import { COUNTRY_LANGUAGE, formatDate, translator, type TLanguage } from '@potreby/i18n';
import type { TBlock, TDocument } from '../../reports/document-blocks';
import { territoryName } from '../../reports/document-text';
import { CONTENT_TYPES, type TDocumentFormat } from '../../reports/render-document';
import { writeDocx } from '../../reports/write-docx';
import { writePdf } from '../../reports/write-pdf';
import type { LoadedRound } from '../rounds';
import type { TMeetingView } from './schema';

type Unit = { id: number; name: string; nameEn: string | null; country: string };

/** A meeting's documents are in the round country's language (bg for BG, uk for UA, pl for PL). */
export const documentLanguageOf = (country: string): TLanguage => (COUNTRY_LANGUAGE as Record<string, TLanguage>)[country] ?? 'en';

/**
 * The participants' list (with a line to sign for each) or the minutes (agenda, discussion,
 * decisions with who is responsible and by when) of a meeting. The text is the users' own:
 * the DOCX and PDF writers set it as text, never as markup.
 */
export function meetingDocument(kind: 'participants' | 'minutes', meeting: TMeetingView, loaded: LoadedRound, units: Unit[]): TDocument {
  const language = documentLanguageOf(loaded.territory.country);
  const t = translator(language);
  const d = (key: string, options?: Record<string, unknown>) => t(`meetings.document.${key}`, options);
  const territory = territoryName({ ...loaded.territory, country: loaded.territory.country as TCountry }, language);
  const ownerName = (id: number | null) => {
    const unit = id === null ? loaded.territory : units.find((u) => u.id === id);
    return unit ? territoryName({ ...unit, country: unit.country as TCountry }, language) : d('none');
  };
  const title = d(kind === 'participants' ? 'participantsTitle' : 'minutesTitle');
  const blocks: TBlock[] = [
    { kind: 'title', text: title },
    { kind: 'subtitle', text: d('round', { from: loaded.round.periodStart, to: loaded.round.periodEnd, territory }) },
    { kind: 'paragraph', runs: [d('when', { date: formatDate(language, meeting.date), time: meeting.time })] },
  ];
  if (meeting.place) blocks.push({ kind: 'paragraph', runs: [d('place', { place: meeting.place })] });
  if (meeting.chair) blocks.push({ kind: 'paragraph', runs: [d('chair', { chair: meeting.chair })] });
  const people = meeting.participants.map((p, i) => [String(i + 1), p.personName, p.organisation, p.role, d(p.present ? 'present' : 'absent')]);
  if (kind === 'participants') {
    blocks.push({ kind: 'table', header: [d('number'), t('meetings.personName'), t('meetings.organisation'), t('meetings.role'), t('meetings.present'), d('signature')], widths: [1, 5, 5, 3, 3, 4], rows: people.map((r) => [...r, '']) });
  } else {
    blocks.push({ kind: 'heading', level: 1, text: d('participants') });
    blocks.push({ kind: 'table', header: [d('number'), t('meetings.personName'), t('meetings.organisation'), t('meetings.role'), t('meetings.present')], widths: [1, 5, 5, 3, 2], rows: people });
    blocks.push({ kind: 'heading', level: 1, text: d('agenda') });
    for (const line of (meeting.agenda || d('none')).split('\n')) blocks.push({ kind: 'paragraph', runs: [line] });
    blocks.push({ kind: 'heading', level: 1, text: d('minutes') });
    for (const line of (meeting.minutes || d('none')).split('\n')) blocks.push({ kind: 'paragraph', runs: [line] });
    blocks.push({ kind: 'heading', level: 1, text: d('decisions') });
    blocks.push({
      kind: 'table',
      header: [d('number'), t('meetings.decisionText'), d('owner'), d('due')],
      widths: [1, 9, 4, 3],
      rows: meeting.decisions.map((x) => [String(x.number), x.text, ownerName(x.ownerTerritoryId), x.dueDate ? formatDate(language, x.dueDate) : d('none')]),
    });
    if (meeting.chair) blocks.push({ kind: 'signatures', rows: [{ role: t('meetings.chair'), name: meeting.chair }], signatureLabel: d('signature'), nameLabel: d('name') });
  }
  return { language, title: `${title} — ${territory}`, subject: d('when', { date: meeting.date, time: meeting.time }), pageLabel: d('page', { page: '{{page}}', pages: '{{pages}}', interpolation: { skipOnVariables: true } }), runningHead: `${territory} — ${title}`, blocks };
}

export async function renderMeetingDocument(kind: 'participants' | 'minutes', format: TDocumentFormat, meeting: TMeetingView, loaded: LoadedRound, units: Unit[]) {
  const document = meetingDocument(kind, meeting, loaded, units);
  const body = format === 'docx' ? await writeDocx(document) : await writePdf(document);
  const words = translator(document.language);
  return { body, fileName: `${words(`meetings.document.${kind === 'participants' ? 'fileParticipants' : 'fileMinutes'}`)}-${meeting.date}.${format}`, contentType: CONTENT_TYPES[format] };
}
