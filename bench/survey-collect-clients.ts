/**
 * The respondents' side of bench/survey-collect.ts, run in a worker thread so that building and
 * timing 100,000 requests does not take the event loop of the server it measures (the machine
 * may have only two cores). Each of the concurrent clients is one keep-alive connection's worth
 * of phones: it takes the next submission off a shared list, posts it, waits for the answer and
 * takes the next.
 *
 * Some submissions are sent twice, as phones do:
 * - "resend": the confirmation was lost, so the outbox sends the same key again afterwards
 *   (the second answer must be 200 duplicate:true);
 * - "double": the outbox fires again while the first send is still in flight (one of the two
 *   must be 201, the other 200 duplicate:true — whichever the database ordered first).
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { KHMILNYK_PREVALENCE, KHMILNYK_PROBLEMS } from '../packages/server/src/seed/demo-khmilnyk';
import { seededRandom } from '../packages/server/src/seed/seeded-random';

export type ClientsInput = {
  base: string;
  /** One form per client, fetched from the public form endpoint before the load. */
  forms: { linkToken: string; group: string; formToken: string }[];
  total: number;
  /** Share of submissions re-sent after their confirmation, and sent twice at once. */
  resendShare: number;
  doubleShare: number;
  keyPrefix: string;
  settlements: string[];
  townCode: string | null;
};

export type ClientsOutput = {
  ms: number;
  requests: number;
  created: number;
  duplicates: number;
  resent: number;
  doubled: number;
  /** Answers that were not what exactly-once promises (a resend stored again, a double stored twice or not at all). */
  wrongReceipts: number;
  errors: number;
  errorSamples: string[];
  latencies: Float64Array;
};

type Mode = 'once' | 'resend' | 'double';

const input = workerData as ClientsInput;
const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
const url = new URL(input.base);

function post(path: string, body: string): Promise<{ status: number; text: string; ms: number }> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, host: url.hostname, port: url.port, method: 'POST', path, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'accept-language': 'uk' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text, ms: performance.now() - start }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Answers as the Khmilnyk form collects them, plausible for the link's respondent group. */
function answersFor(group: string, rnd: () => number): Record<string, unknown> {
  const p = KHMILNYK_PREVALENCE[group] ?? {};
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const yes = (q: string) => (rnd() < (p[q] ?? 0.2) ? 'yes' : 'no');
  const settlement = input.townCode && rnd() < 0.6 ? input.townCode : pick(input.settlements);
  const age = group === 'older_people' ? 65 + Math.floor(rnd() * 25) : group === 'families_with_children' ? 25 + Math.floor(rnd() * 20) : 18 + Math.floor(rnd() * 60);
  const answers: Record<string, unknown> = { settlement, age, lives_alone: yes('lives_alone') };
  for (const q of ['needs_home_care', 'uses_home_care', 'needs_day_care', 'needs_escort', 'needs_counselling', 'needs_in_kind']) answers[q] = yes(q);
  if (answers.uses_home_care === 'yes') answers.satisfied_home_care = pick(['satisfied', 'satisfied', 'partly', 'not_satisfied']);
  answers.information_sources = ['starosta', 'social_worker', 'internet', 'neighbours'].filter(() => rnd() < 0.4);
  if (rnd() < 0.3) answers.main_problem = pick(KHMILNYK_PROBLEMS);
  return answers;
}

async function run(): Promise<ClientsOutput> {
  const out: ClientsOutput = { ms: 0, requests: 0, created: 0, duplicates: 0, resent: 0, doubled: 0, wrongReceipts: 0, errors: 0, errorSamples: [], latencies: new Float64Array(Math.ceil(input.total * (1 + input.resendShare + input.doubleShare)) + 1000) };
  const rnd = seededRandom(7);
  let next = 0;

  const send = async (path: string, body: string): Promise<'created' | 'duplicate' | 'error'> => {
    try {
      const res = await post(path, body);
      if (out.requests < out.latencies.length) out.latencies[out.requests] = res.ms;
      out.requests++;
      if (res.status === 201 && res.text.includes('"duplicate":false')) return 'created';
      if (res.status === 200 && res.text.includes('"duplicate":true')) return 'duplicate';
      if (out.errorSamples.length < 5) out.errorSamples.push(`${res.status} ${res.text.slice(0, 300)}`);
    } catch (error) {
      out.requests++;
      if (out.errorSamples.length < 5) out.errorSamples.push(String(error));
    }
    out.errors++;
    return 'error';
  };

  const client = async (form: ClientsInput['forms'][number]) => {
    const path = `/api/v1/public/forms/${form.linkToken}/responses`;
    for (let i = next++; i < input.total; i = next++) {
      const draw = rnd();
      const mode: Mode = draw < input.doubleShare ? 'double' : draw < input.doubleShare + input.resendShare ? 'resend' : 'once';
      const body = JSON.stringify({ submissionKey: `${input.keyPrefix}-${i}`, answers: answersFor(form.group, rnd), formToken: form.formToken, website: '' });
      if (mode === 'double') {
        out.doubled++;
        const both = await Promise.all([send(path, body), send(path, body)]);
        const created = both.filter((r) => r === 'created').length;
        out.created += created;
        out.duplicates += both.filter((r) => r === 'duplicate').length;
        if (!both.includes('error') && created !== 1) out.wrongReceipts++;
        continue;
      }
      const first = await send(path, body);
      if (first === 'created') out.created++;
      else if (first === 'duplicate') out.wrongReceipts++; // a key never sent before
      if (mode === 'resend') {
        out.resent++;
        const again = await send(path, body);
        if (again === 'duplicate') out.duplicates++;
        else if (again === 'created') {
          out.created++;
          out.wrongReceipts++;
        }
      }
    }
  };

  const start = performance.now();
  await Promise.all(input.forms.map(client));
  out.ms = performance.now() - start;
  out.latencies = out.latencies.slice(0, Math.min(out.requests, out.latencies.length));
  agent.destroy();
  return out;
}

const result = await run();
parentPort!.postMessage(result, [result.latencies.buffer as ArrayBuffer]);
