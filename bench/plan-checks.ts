/**
 * The plan checks' promises (issue 8), measured on a SYNTHETIC country (nothing in it describes
 * a real place):
 *
 * - all checks for a country of 2,500 municipalities × 60 service types with 10 proposal items
 *   each (25,000 items; ceilings, envelopes and tasks for every municipality): < 500 ms;
 * - a scenario change for a region of 12 municipalities, recomputed (gaps, checks, budget): < 50 ms.
 *
 * Pure domain code: no database. Runs inside `npm run bench`, or alone:
 * `node --import tsx bench/plan-checks.ts`.
 */
import { performance } from 'node:perf_hooks';
import { checkPlan, evaluateScenario, type PlanEvaluationInput, type PlanGapRow, type PlanItem, type PlanTask } from '@potreby/domain';
import type { TCeiling, TEnvelope, TUnitCost } from '@potreby/domain/planning/proposal';
import { seededRandom } from '../packages/server/src/seed/seeded-random';

const TYPES = 60;
const ITEMS_PER_MUNICIPALITY = 10;
const FUNDING = ['state_delegated', 'municipal', 'eu_project', 'donor_project', 'other'] as const;

/** A synthetic round over `municipalities` municipalities (ids 1000…). */
export function syntheticRound(municipalities: number): PlanEvaluationInput {
  const rnd = seededRandom(8);
  const types = Array.from({ length: TYPES }, (_, i) => ({ key: `syn.type_${i}`, unit: i % 4 === 0 ? ('persons_per_year' as const) : ('places' as const) }));
  const rows: PlanGapRow[] = [];
  const items: PlanItem[] = [];
  const ceilings: TCeiling[] = [];
  const envelopes: TEnvelope[] = [];
  const tasks: PlanTask[] = [];
  let itemId = 1;
  for (let m = 0; m < municipalities; m++) {
    const id = 1000 + m;
    for (const [i, t] of types.entries()) {
      const capacity = Math.floor(rnd() * 40);
      const need = i % 7 === 0 ? null : { value: Math.floor(rnd() * 60), ...(i % 5 === 0 ? { low: 0, high: 80 } : {}) };
      rows.push({ municipalityId: id, serviceType: t.key, unit: t.unit, need, capacity, target: `p:T:${(i % 8) * 10}:` });
      if (i % 6 === 0) ceilings.push({ municipalityId: id, serviceType: t.key, year: 2026, maxUsers: 30 + Math.floor(rnd() * 30) });
    }
    for (let k = 0; k < ITEMS_PER_MUNICIPALITY; k++) {
      const t = types[Math.floor(rnd() * TYPES)]!;
      const shared = k % 4 === 0 && municipalities > 1;
      items.push({
        id: itemId++,
        municipalityId: id,
        serviceType: t.key,
        capacityChange: Math.floor(rnd() * 40) - 10,
        unit: t.unit,
        served: shared ? [{ municipalityId: 1000 + ((m + 1) % municipalities), capacity: 5 }] : [],
        startYear: 2026 + (k % 5),
        fundingSource: FUNDING[k % FUNDING.length]!,
        annualCost: k % 3 === 0 ? null : Math.floor(rnd() * 200_000),
        explanation: k % 5 === 0 ? 'Synthetic explanation.' : '',
      });
    }
    envelopes.push({ municipalityId: id, fundingSource: null, annualLimit: 600_000 });
    tasks.push({ id: m * 2 + 1, municipalityId: id, dueDate: '2027-02-17', done: m % 2 === 0 }, { id: m * 2 + 2, municipalityId: id, dueDate: '2027-03-30', done: false });
  }
  for (const f of FUNDING) envelopes.push({ municipalityId: null, fundingSource: f, annualLimit: 1_000_000 * municipalities });
  const unitCosts: TUnitCost[] = types.map((t, i) => ({ country: 'BG', serviceType: t.key, year: 2026, cost: 5_000 + i * 100 }));
  return {
    gaps: { method: 'normative', rows },
    items,
    settings: { gapThreshold: 5, diversityTarget: 5 },
    country: 'BG',
    period: { from: 2026, to: 2030 },
    ceilings,
    unitCosts,
    envelopes,
    tasks,
    today: '2027-03-01',
  };
}

function medianOf(runs: number[]): { median: number; min: number; max: number } {
  const s = [...runs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, min: s[0]!, max: s.at(-1)! };
}

export function planChecksBench(report: (line: string) => void = console.log): void {
  const country = syntheticRound(2500);
  const runs: number[] = [];
  const cpu: number[] = [];
  let findings = 0;
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    findings = checkPlan(country).length;
    runs.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  const all = medianOf(runs);
  // CPU time beside wall time: on a machine shared with other work, wall time also counts waiting.
  report(
    `plan checks, synthetic country of 2,500 municipalities × ${TYPES} service types, ${country.items.length.toLocaleString('en')} items (${findings.toLocaleString('en')} findings): median ${all.median.toFixed(0)} ms (min ${all.min.toFixed(0)}, max ${all.max.toFixed(0)}; CPU time median ${medianOf(cpu).median.toFixed(0)} ms) over 5 runs — promise < 500 ms`,
  );

  const region = syntheticRound(12);
  const scenarioRuns: number[] = [];
  for (let run = 0; run < 20; run++) {
    const start = performance.now();
    evaluateScenario(region, {
      items: [{ itemId: 1 + (run % region.items.length), capacityChange: 20 + run }],
      population: [{ municipalityId: null, target: 'p:T:60:', percentPerYear: 1.5 }],
      baseYear: 2025,
    });
    scenarioRuns.push(performance.now() - start);
  }
  const scenario = medianOf(scenarioRuns);
  report(
    `scenario change, synthetic region of 12 municipalities × ${TYPES} service types, ${region.items.length} items, gaps + checks + budget recomputed: median ${scenario.median.toFixed(1)} ms (max ${scenario.max.toFixed(1)}) over 20 runs — promise < 50 ms`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) planChecksBench();
