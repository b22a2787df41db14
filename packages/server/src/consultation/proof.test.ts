import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MIN_SECONDS_TO_COMMENT, checkChallenge, issueChallenge, solveChallenge } from './proof';

const secret = randomBytes(32);
const now = Date.UTC(2026, 11, 5, 12);

describe('consultation challenges', () => {
  it('gives every page its own challenge, also across refills of the drawn random bytes', () => {
    // 2,000 challenges in the same second draw the salt pool (512 salts) four times over.
    const issued = Array.from({ length: 2_000 }, () => issueChallenge(secret, 7, now));
    expect(new Set(issued).size).toBe(issued.length);
    const salts = issued.map((c) => c.split('.')[1]!);
    expect(new Set(salts).size).toBe(salts.length);
    for (const salt of salts) expect(salt).toMatch(/^[A-Za-z0-9_-]{12}$/);
  });

  it('takes a solved challenge of its own consultation, and refuses a forged, early, late or unsolved one', () => {
    const challenge = issueChallenge(secret, 7, now);
    const later = now + (MIN_SECONDS_TO_COMMENT + 1) * 1000;
    const nonce = solveChallenge(challenge);
    expect(checkChallenge(secret, 7, challenge, nonce, later)).toBe('ok');
    expect(checkChallenge(secret, 8, challenge, nonce, later)).toBe('invalid');
    expect(checkChallenge(randomBytes(32), 7, challenge, nonce, later)).toBe('invalid');
    const [issuedAt, salt, signature] = challenge.split('.');
    expect(checkChallenge(secret, 7, `${issuedAt}.${salt}x.${signature}`, nonce, later)).toBe('invalid');
    expect(checkChallenge(secret, 7, challenge, nonce, now + 1000)).toBe('too_fast');
    expect(checkChallenge(secret, 7, challenge, nonce, now + 2 * 86_400_000)).toBe('expired');
    const wrong = Array.from({ length: 50 }, (_, i) => `x${i}`).find((n) => checkChallenge(secret, 7, challenge, n, later) === 'unsolved');
    expect(wrong).toBeDefined();
  });
});
