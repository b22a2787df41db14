import { consultationPhase, orderForReport, publicAuthor, summariseComments, type TCommentStatus, type TCountry, type TVerdict } from '@potreby/domain';
import { formatDate, translator } from '@potreby/i18n';
import type { Db } from '../db/database';
import type { CountryModels } from '../model/country-model';
import { documentLanguageOf } from '../planning/meetings/meeting-document';
import type { TBlock, TDocument } from '../reports/document-blocks';
import { territoryName } from '../reports/document-text';
import { CONTENT_TYPES, type TDocumentFormat } from '../reports/render-document';
import { writeDocx } from '../reports/write-docx';
import { writePdf } from '../reports/write-pdf';
import { listComments, type LoadedConsultation } from './consultations';
import { consultedServices, targetLabel } from './consulted-services';
import { publicItems } from './public';
import { textsFor } from '../documents/wording';

/**
 * The consultation report (issue 9, item 1): what was published and for how long, how many
 * comments came in and how they were answered, then every comment in the order of the document,
 * with the answer and the change it led to. It is written to be published: a commenter is named
 * only as the public page names them (with consent, not erased); a hidden comment shows only why.
 * In the country's language, as the authority files it.
 */
export async function consultationReport(db: Db, models: CountryModels, loaded: LoadedConsultation, today: string): Promise<TDocument> {
  const language = documentLanguageOf(loaded.territory.country);
  // The fixed text as the country's administrators may have reworded it (Document texts).
  const t = await textsFor(db, loaded.territory.country as TCountry, 'consultation_report', language);
  const r = (key: string, options?: Record<string, unknown>) => t(`consultation.report.${key}`, options);
  const c = loaded.consultation;
  const authority = territoryName({ ...loaded.territory, country: loaded.territory.country as TCountry }, language);
  const items = await publicItems(db, models, loaded, language);
  const services = await consultedServices(db, models, loaded, language);
  const rows = await listComments(db, c.id);
  const comments = orderForReport(
    rows.map((row) => ({ ...row, receivedAt: row.receivedAt.toISOString(), status: row.status as TCommentStatus, verdict: row.verdict as TVerdict | null })),
    [...items.map((i) => `item-${i.id}`), ...services.sites.map((x) => x.key), ...services.figures.map((f) => f.key)],
  );
  const summary = summariseComments(comments);
  const aimedAt = (target: (typeof comments)[number]['target']) => targetLabel(target, { sections: c.sections, items, ...services }, t);

  const blocks: TBlock[] = [
    { kind: 'title', text: r('title') },
    { kind: 'subtitle', text: c.title, size: 'large', bold: true },
    { kind: 'subtitle', text: `${authority} · ${t(`consultation.kind.${c.kind}`)}` },
    { kind: 'paragraph', runs: [r('period', { from: formatDate(language, c.opensOn), to: formatDate(language, c.closesOn) })] },
  ];
  if (consultationPhase(c, today) !== 'closed') blocks.push({ kind: 'notice', title: r('interimTitle'), text: r('interim', { date: formatDate(language, today) }) });
  blocks.push(
    { kind: 'heading', level: 1, text: r('summary') },
    {
      kind: 'table',
      header: null,
      widths: [6, 2],
      align: ['left', 'right'],
      rows: [
        [r('received'), String(summary.received)],
        [r('published'), String(summary.published)],
        [r('hiddenCount'), String(summary.hidden)],
        [r('pending'), String(summary.pending)],
        [t('consultation.verdict.accepted'), String(summary.answered.accepted)],
        [t('consultation.verdict.partly'), String(summary.answered.partly)],
        [t('consultation.verdict.rejected'), String(summary.answered.rejected)],
        [r('unanswered'), String(summary.unanswered)],
      ],
    },
    { kind: 'heading', level: 1, text: r('comments') },
  );
  if (comments.length === 0) blocks.push({ kind: 'paragraph', runs: [r('none')] });
  else
    blocks.push({
      kind: 'table',
      header: [r('number'), r('on'), r('from'), r('comment'), r('answer'), r('change')],
      widths: [1, 4, 3, 7, 5, 5],
      size: 'small',
      rows: comments.map((x, i) => {
        const author = publicAuthor({ ...x, erasedAt: x.erasedAt?.toISOString() ?? null });
        const who = [author.name, author.organisation].filter(Boolean).join(', ') || r('anonymous');
        const text = x.status === 'hidden' ? r('hidden', { reason: x.hiddenReason ?? '' }) : x.status === 'pending' ? r('notModerated') : x.body;
        const answer = x.verdict ? `${t(`consultation.verdict.${x.verdict}`)}${x.reason ? `: ${x.reason}` : ''}` : x.status === 'hidden' ? '' : r('noAnswer');
        const change = [x.change, x.changedItemId !== null ? r('changedItem', { item: aimedAt({ kind: 'item', itemId: x.changedItemId }) }) : ''].filter(Boolean).join(' ');
        return [String(i + 1), aimedAt(x.target), `${formatDate(language, x.receivedAt.slice(0, 10))}, ${who}`, text, answer, change];
      }),
    });
  const title = r('title');
  return { language, title: `${title} — ${c.title}`, subject: authority, pageLabel: t('meetings.document.page', { page: '{{page}}', pages: '{{pages}}', interpolation: { skipOnVariables: true } }), runningHead: `${authority} — ${title}`, blocks };
}

export async function renderConsultationReport(db: Db, models: CountryModels, loaded: LoadedConsultation, format: TDocumentFormat, today: string) {
  const document = await consultationReport(db, models, loaded, today);
  const body = format === 'docx' ? await writeDocx(document) : await writePdf(document);
  return { body, fileName: `${translator(document.language)('consultation.report.file')}-${loaded.consultation.id}.${format}`, contentType: CONTENT_TYPES[format] };
}
