import { createHash, createHmac, randomFillSync, timingSafeEqual } from 'node:crypto';
import { meetsDifficulty, proofInput } from '@potreby/domain';

/**
 * The challenge a public consultation page hands out with its comment form: when it was issued
 * and for which consultation, signed with the key the public forms use (surveys/form-token.ts).
 * A comment is taken only with a challenge that is genuine, some seconds old (a person reads
 * before writing), under a day old, not used before in this process, and solved (the proof of
 * work in domain/consultation/proof-of-work.ts).
 */
export const MIN_SECONDS_TO_COMMENT = 3;
const MAX_AGE_SECONDS = 86_400;

const sign = (secret: Buffer, consultationId: number, issuedAt: number, salt: string) => createHmac('sha256', secret).update(`consultation.${consultationId}.${issuedAt}.${salt}`).digest('base64url');

const SALT_BYTES = 9;
// Random bytes drawn 512 salts at a time: one call into the system's generator per page was a
// seventh of a consultation page's time under load (bench/public-page.ts). Each salt is still
// used once; only the draws are grouped, as crypto.randomUUID does.
const saltPool = Buffer.alloc(SALT_BYTES * 512);
let saltOffset = saltPool.length;

function freshSalt(): string {
  if (saltOffset + SALT_BYTES > saltPool.length) {
    randomFillSync(saltPool);
    saltOffset = 0;
  }
  const salt = saltPool.toString('base64url', saltOffset, saltOffset + SALT_BYTES);
  saltOffset += SALT_BYTES;
  return salt;
}

/** Issued time, a random salt (two pages opened in the same second get different challenges) and the signature. */
export function issueChallenge(secret: Buffer, consultationId: number, now: number): string {
  const issuedAt = Math.floor(now / 1000);
  const salt = freshSalt();
  return `${issuedAt}.${salt}.${sign(secret, consultationId, issuedAt, salt)}`;
}

export type ChallengeCheck = 'ok' | 'invalid' | 'too_fast' | 'expired' | 'unsolved' | 'used';

/**
 * Challenges already spent, until they expire anyway: one solved challenge is one comment.
 * In this process's memory, like the rate limits; several app servers each keep their own.
 */
export class SpentChallenges {
  private readonly spent = new Map<string, number>();
  /** True if it was fresh (and is now spent). */
  spend(challenge: string, now: number): boolean {
    if (this.spent.size > 10_000) for (const [key, until] of this.spent) if (until < now) this.spent.delete(key);
    if (this.spent.has(challenge)) return false;
    this.spent.set(challenge, now + MAX_AGE_SECONDS * 1000);
    return true;
  }
}

export function checkChallenge(secret: Buffer, consultationId: number, challenge: string, nonce: string, now: number): ChallengeCheck {
  const [issued, salt, signature] = challenge.split('.');
  const issuedAt = Number(issued);
  if (!Number.isInteger(issuedAt) || !salt || !signature) return 'invalid';
  const expected = Buffer.from(sign(secret, consultationId, issuedAt, salt));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  const age = now / 1000 - issuedAt;
  if (age < MIN_SECONDS_TO_COMMENT) return 'too_fast';
  if (age > MAX_AGE_SECONDS) return 'expired';
  const hash = createHash('sha256').update(proofInput(challenge, nonce)).digest();
  return meetsDifficulty(hash) ? 'ok' : 'unsolved';
}

/** Solve a challenge, as the page's script does (for tests and the command line). */
export function solveChallenge(challenge: string): string {
  for (let n = 0; ; n += 1) {
    const nonce = n.toString(36);
    if (meetsDifficulty(createHash('sha256').update(proofInput(challenge, nonce)).digest())) return nonce;
  }
}
