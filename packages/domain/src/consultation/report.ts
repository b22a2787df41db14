import type { TCommentStatus, TCommentTarget, TVerdict } from './comments';

/**
 * The consultation report (issue 9 item 1): every comment received, in the order of the document
 * it was aimed at (the whole first, then each section, then each plan item), with the answer and
 * the change it led to, and the counts the report opens with.
 */
export type ReportComment = {
  id: number;
  target: TCommentTarget;
  status: TCommentStatus;
  receivedAt: string;
  verdict: TVerdict | null;
};

export type ReportSummary = {
  received: number;
  published: number;
  hidden: number;
  /** Still waiting for a moderator. */
  pending: number;
  answered: Record<TVerdict, number>;
  unanswered: number;
};

/**
 * A target's place in the document: the whole, then sections by position, then items, service
 * sites and figures each in the order the document shows them (`order`, by target key); one no
 * longer in the document (an item since removed) keeps its comments after those that remain.
 */
function targetRank(target: TCommentTarget, order: ReadonlyMap<string, number>): [number, number] {
  if (target.kind === 'whole') return [0, 0];
  if (target.kind === 'section') return [1, target.section];
  const group = { item: 2, site: 3, figure: 4 }[target.kind];
  return [group, order.get(commentTargetKey(target)) ?? Number.MAX_SAFE_INTEGER];
}

/** The target as one word, the page's anchor and the form's value: `item-12`, `figure-7-bg.home_care`. */
export function commentTargetKey(target: TCommentTarget): string {
  switch (target.kind) {
    case 'whole':
      return 'whole';
    case 'section':
      return `section-${target.section}`;
    case 'item':
      return `item-${target.itemId}`;
    case 'site':
      return `site-${target.siteId}`;
    case 'figure':
      return `figure-${target.municipalityId}-${target.serviceType}`;
  }
}

/** `shown`: the target keys of the document's items, sites and figures, in its order. */
export function orderForReport<C extends ReportComment>(comments: readonly C[], shown: readonly string[]): C[] {
  const order = new Map(shown.map((key, i) => [key, i]));
  return [...comments].sort((a, b) => {
    const [ga, pa] = targetRank(a.target, order);
    const [gb, pb] = targetRank(b.target, order);
    return ga - gb || pa - pb || a.receivedAt.localeCompare(b.receivedAt) || a.id - b.id;
  });
}

export function summariseComments(comments: readonly ReportComment[]): ReportSummary {
  const answered: Record<TVerdict, number> = { accepted: 0, partly: 0, rejected: 0 };
  let published = 0;
  let hidden = 0;
  let pending = 0;
  let unanswered = 0;
  for (const c of comments) {
    if (c.status === 'published') published += 1;
    else if (c.status === 'hidden') hidden += 1;
    else pending += 1;
    if (c.verdict) answered[c.verdict] += 1;
    // A hidden comment (spam, insults) is not owed an answer.
    else if (c.status !== 'hidden') unanswered += 1;
  }
  return { received: comments.length, published, hidden, pending, answered, unanswered };
}
