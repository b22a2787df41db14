import { dayNumber } from './deadlines/iso-date';

/**
 * The daily reminder of a planning round's deadlines (issue 8, item 3): one digest per person
 * and day, listing what is overdue and what falls due within a week, grouped per round — "a
 * digest rather than a flood". Pure: the server gathers the open work and sends the text.
 */

/** How far ahead a deadline is announced. */
export const DUE_SOON_DAYS = 7;

/** One open piece of work with a deadline: a stage of a round (tasks of meetings come later). */
export type OpenWork = {
  kind: 'stage' | 'task';
  id: number;
  roundId: number;
  /** The round as the reader knows it: its territory and period, in the reader's language. */
  roundLabel: string;
  /** The stage's or task's name in the reader's language. */
  title: string;
  /** 'YYYY-MM-DD' */
  dueDate: string;
};

export type DigestRound = { roundId: number; roundLabel: string; overdue: OpenWork[]; dueSoon: OpenWork[] };
export type Digest = { day: string; rounds: DigestRound[]; overdueCount: number; dueSoonCount: number };

const byDue = (a: OpenWork, b: OpenWork) => a.dueDate.localeCompare(b.dueDate) || a.kind.localeCompare(b.kind) || a.id - b.id;

/**
 * The digest of `day` for one person's open work, or null when nothing is overdue or due within
 * DUE_SOON_DAYS (then no e-mail is sent at all). The same item listed twice counts once.
 */
export function digestOf(day: string, work: readonly OpenWork[]): Digest | null {
  const today = dayNumber(day, 'day');
  const seen = new Set<string>();
  const rounds = new Map<number, DigestRound>();
  for (const item of [...work].sort(byDue)) {
    const key = `${item.kind}:${item.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const due = dayNumber(item.dueDate, 'dueDate');
    if (due > today + DUE_SOON_DAYS) continue;
    let round = rounds.get(item.roundId);
    if (!round) rounds.set(item.roundId, (round = { roundId: item.roundId, roundLabel: item.roundLabel, overdue: [], dueSoon: [] }));
    (due < today ? round.overdue : round.dueSoon).push(item);
  }
  if (rounds.size === 0) return null;
  const list = [...rounds.values()].sort((a, b) => a.roundId - b.roundId);
  return { day, rounds: list, overdueCount: list.reduce((n, r) => n + r.overdue.length, 0), dueSoonCount: list.reduce((n, r) => n + r.dueSoon.length, 0) };
}

/** A translator of the `roundReminders.*` words (i18next's `t`, with `count` for plural forms). */
export type Words = (key: string, options?: Record<string, unknown>) => string;
export type DigestMail = { subject: string; text: string; html: string };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The e-mail of a digest in the reader's language: `t` gives the words (plural forms by the
 * language's rules), `locale` the way dates are written ('bg-BG' …). Days are calendar days, so
 * they are formatted in UTC and no time zone shifts them.
 */
export function renderDigest(digest: Digest, reader: { name: string; locale: string; t: Words; link?: string }): DigestMail {
  const { t } = reader;
  const format = new Intl.DateTimeFormat(reader.locale, { dateStyle: 'long', timeZone: 'UTC' });
  const date = (iso: string) => format.format(new Date(`${iso}T00:00:00Z`));
  const today = dayNumber(digest.day, 'day');
  const line = (item: OpenWork, overdue: boolean) =>
    overdue
      ? t('roundReminders.overdueItem', { title: item.title, date: date(item.dueDate), count: today - dayNumber(item.dueDate) })
      : t('roundReminders.dueItem', { title: item.title, date: date(item.dueDate), count: dayNumber(item.dueDate) - today });
  const subject = t('roundReminders.subject', { count: digest.overdueCount + digest.dueSoonCount, overdue: digest.overdueCount });
  const greeting = t('roundReminders.greeting', { name: reader.name });
  const intro = t('roundReminders.intro', { date: date(digest.day), days: DUE_SOON_DAYS });
  const footer = t('roundReminders.footer');
  const sections = digest.rounds.map((r) => ({
    label: r.roundLabel,
    groups: [
      { heading: t('roundReminders.overdue', { count: r.overdue.length }), lines: r.overdue.map((i) => line(i, true)) },
      { heading: t('roundReminders.dueSoon', { count: r.dueSoon.length, days: DUE_SOON_DAYS }), lines: r.dueSoon.map((i) => line(i, false)) },
    ].filter((g) => g.lines.length > 0),
  }));
  const text = [
    greeting,
    '',
    intro,
    ...sections.flatMap((s) => ['', s.label, ...s.groups.flatMap((g) => [`  ${g.heading}`, ...g.lines.map((l) => `  - ${l}`)])]),
    '',
    ...(reader.link ? [reader.link, ''] : []),
    footer,
    '',
  ].join('\n');
  const html = [
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(intro)}</p>`,
    ...sections.map((s) => `<h2>${escapeHtml(s.label)}</h2>` + s.groups.map((g) => `<h3>${escapeHtml(g.heading)}</h3><ul>${g.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`).join('')),
    ...(reader.link ? [`<p><a href="${escapeHtml(reader.link)}">${escapeHtml(reader.link)}</a></p>`] : []),
    `<p>${escapeHtml(footer)}</p>`,
  ].join('\n');
  return { subject, text, html };
}
