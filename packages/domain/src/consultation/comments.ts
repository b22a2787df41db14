import { z } from 'zod';
import { ZId } from '../validation/bounded';

/**
 * A resident's comment on a consultation and the authority's answer to it.
 *
 * Where it is aimed: the whole document, one of its sections (by position), one plan item (by
 * id), one service site of the registry the document rests on (by id), or one figure of need
 * against capacity (a municipality's service type). The answer is shown under the comment, so it
 * lands where the question was.
 *
 * Personal data: a name and an organisation, both optional, shown in public only when the
 * commenter ticks consent, and erasable on request (then never shown, nor in the report). No
 * address, e-mail or network address is kept.
 */
export const COMMENT_TARGETS = ['whole', 'section', 'item', 'site', 'figure'] as const;
export type TCommentTargetKind = (typeof COMMENT_TARGETS)[number];

export const ZCommentTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('whole') }),
  z.object({ kind: z.literal('section'), section: z.number().int().min(0).max(39) }),
  z.object({ kind: z.literal('item'), itemId: ZId }),
  z.object({ kind: z.literal('site'), siteId: ZId }),
  z.object({ kind: z.literal('figure'), municipalityId: ZId, serviceType: z.string().regex(/^[a-z0-9_.]{1,100}$/) }),
]);
export type TCommentTarget = z.infer<typeof ZCommentTarget>;

export const COMMENT_MAX_LENGTH = 5_000;

export const ZCommentInput = z.object({
  target: ZCommentTarget,
  body: z.string().trim().min(1).max(COMMENT_MAX_LENGTH),
  name: z.string().trim().max(200).default(''),
  organisation: z.string().trim().max(200).default(''),
  consent: z.boolean().default(false),
});
export type TCommentInput = z.input<typeof ZCommentInput>;

export const COMMENT_STATUSES = ['pending', 'published', 'hidden'] as const;
export type TCommentStatus = (typeof COMMENT_STATUSES)[number];

export const ZModeration = z.discriminatedUnion('status', [
  z.object({ status: z.literal('published') }),
  // Hiding says why, in public too ("insulting", "off topic", "personal data of others"), so a
  // resident sees their comment was read, and the report counts it.
  z.object({ status: z.literal('hidden'), reason: z.string().trim().min(1).max(500) }),
]);
export type TModeration = z.infer<typeof ZModeration>;

export const VERDICTS = ['accepted', 'partly', 'rejected'] as const;
export type TVerdict = (typeof VERDICTS)[number];

export const ZAnswerInput = z
  .object({
    verdict: z.enum(VERDICTS),
    /** Why: required unless the comment is accepted as it is. */
    reason: z.string().trim().max(5_000).default(''),
    /** What was changed because of it ("you said, we did"). */
    change: z.string().trim().max(5_000).default(''),
    /** The plan item changed because of it, linked from the answer. */
    changedItemId: ZId.nullable().default(null),
  })
  .refine((a) => a.verdict === 'accepted' || a.reason.length > 0, { path: ['reason'], message: 'reason_required' });
export type TAnswerInput = z.input<typeof ZAnswerInput>;

/** A comment as stored (the parts these rules read). */
export type StoredComment = {
  status: TCommentStatus;
  name: string | null;
  organisation: string | null;
  consent: boolean;
  erasedAt: string | null;
};

/** Who the public reads as the author: nobody unless the commenter consented and has not asked to be erased. */
export function publicAuthor(c: StoredComment): { name: string | null; organisation: string | null } {
  if (!c.consent || c.erasedAt !== null) return { name: null, organisation: null };
  return { name: c.name || null, organisation: c.organisation || null };
}

/** The public reads published comments only; a hidden one shows as hidden, with its reason, never its text. */
export const publiclyVisible = (c: Pick<StoredComment, 'status'>) => c.status !== 'pending';

/**
 * A moderator publishes or hides a comment from any state (hiding again gives a new reason;
 * publishing twice changes nothing); nothing sends a comment back to waiting.
 */
export function mayModerate(_from: TCommentStatus, to: TCommentStatus): boolean {
  return to !== 'pending';
}
