/**
 * The public page's only script: before a comment is sent, find the proof of work for the page's
 * challenge (domain/consultation/proof-of-work.ts: SHA-256 of "challenge:nonce" with `difficulty`
 * leading zero bits) with the browser's own Web Crypto, then send the form as HTML sends it.
 * Plain ES2017, no build step, no dependency: it is served as it is written here.
 */
export const CONSULTATION_SCRIPT = `(() => {
  const form = document.querySelector('form[data-difficulty]');
  if (!form) return;
  const status = document.getElementById('form-status');
  const bits = Number(form.dataset.difficulty);
  const zeroBits = (bytes) => {
    let n = 0;
    for (const b of bytes) { if (b === 0) { n += 8; continue; } return n + Math.clz32(b) - 24; }
    return n;
  };
  let solving = false;
  form.addEventListener('submit', async (event) => {
    if (form.elements.nonce.value) return;
    event.preventDefault();
    if (solving) return;
    if (!(window.crypto && crypto.subtle)) { status.textContent = form.dataset.noCrypto; return; }
    solving = true;
    status.textContent = form.dataset.working;
    const challenge = form.elements.challenge.value;
    const encoder = new TextEncoder();
    for (let start = 0; ; start += 256) {
      const tries = [];
      for (let n = start; n < start + 256; n += 1) tries.push(crypto.subtle.digest('SHA-256', encoder.encode(challenge + ':' + n.toString(36))));
      const hashes = await Promise.all(tries);
      const found = hashes.findIndex((h) => zeroBits(new Uint8Array(h)) >= bits);
      if (found >= 0) { form.elements.nonce.value = (start + found).toString(36); break; }
    }
    form.submit();
  });
})();
`;
