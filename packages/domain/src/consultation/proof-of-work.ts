/**
 * A small proof of work asked of every public comment: the browser finds a number that, hashed
 * (SHA-256) with the page's challenge, starts with DIFFICULTY zero bits — about 2^14 tries, a
 * fraction of a second on a phone, but a cost per comment for a flood. No third-party service,
 * nothing about the commenter. Only the rule lives here; the hashing is the caller's (Web Crypto
 * in the browser, node:crypto on the server).
 */
export const PROOF_DIFFICULTY_BITS = 14;

/** Leading zero bits of a hash. */
export function leadingZeroBits(hash: Uint8Array): number {
  let bits = 0;
  for (const byte of hash) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** The text hashed for a challenge and a candidate answer. */
export const proofInput = (challenge: string, nonce: string) => `${challenge}:${nonce}`;

export const meetsDifficulty = (hash: Uint8Array, bits = PROOF_DIFFICULTY_BITS) => leadingZeroBits(hash) >= bits;
