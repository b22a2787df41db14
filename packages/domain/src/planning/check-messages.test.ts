import { translator } from '@potreby/i18n';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../accounts/account';
import { checkMessage, type CheckNames } from './check-messages';
import { PLAN_CHECKS, type PlanCheck } from './proposal';

// The real translations of locales/*/server.json (the domain itself holds none).
const names: CheckNames = {
  municipality: (id) => ({ 1: 'Пазарджик', 2: 'Велинград' })[id],
  serviceType: () => 'Дневен център',
  task: () => 'Проект на споразумение',
  meetingTask: (id) => (id === 4 ? { title: 'Уточняване на картата', meetingDate: '2026-03-10' } : { title: 'Писмо до общините', meetingDate: null }),
};

const check = (over: Partial<PlanCheck> & Pick<PlanCheck, 'check'>): PlanCheck => ({
  severity: 'problem',
  municipalityId: 1,
  serviceType: 'bg.day_care_elderly',
  itemId: null,
  taskId: null,
  value: 8,
  limit: 5,
  fundingSource: null,
  unit: 'places',
  ...over,
});

const every: PlanCheck[] = [
  ...PLAN_CHECKS.map((kind) => check({ check: kind, taskId: kind === 'overdue' ? 3 : null })),
  check({ check: 'no_need', value: -3, limit: 0 }),
  check({ check: 'no_need', value: 0, limit: 0 }),
  check({ check: 'over_budget', municipalityId: null, serviceType: null, fundingSource: 'eu_project', value: 120_000, limit: 100_000 }),
  check({ check: 'over_budget', municipalityId: 1, serviceType: null, fundingSource: 'state_delegated', value: 120_000, limit: 100_000 }),
  check({ check: 'over_budget', municipalityId: null, serviceType: null, value: 120_000, limit: 100_000 }),
  check({ check: 'overdue', municipalityId: null, taskId: 3, value: 1 }),
  ...[1, null].flatMap((municipalityId) => [4, 5].map((taskId) => ({ ...check({ check: 'overdue', municipalityId, taskId, value: 2 }), taskKind: 'task' as const }))),
];

describe('checkMessage', () => {
  it('gives every check a sentence in every language, with no key or placeholder left', () => {
    for (const lang of LANGUAGES) {
      const t = translator(lang);
      for (const c of every) {
        const text = checkMessage(c, lang, names, t);
        expect(text, `${lang} ${c.check}`).not.toMatch(/planChecks|\{\{|_gap|undefined/);
        if (c.municipalityId !== null) expect(text).toContain(names.municipality!(c.municipalityId));
      }
    }
  });

  it('writes amounts with the right plural form and the language\'s decimal comma', () => {
    const gap = (value: number, lang: (typeof LANGUAGES)[number]) => checkMessage(check({ check: 'unaddressed_gap', value }), lang, names, translator(lang));
    expect(gap(1, 'uk')).toContain('1 місце');
    expect(gap(3, 'uk')).toContain('3 місця');
    expect(gap(8, 'uk')).toContain('8 місць');
    expect(gap(8.5, 'uk')).toContain('8,5 місця');
    expect(gap(22, 'pl')).toContain('22 miejsca');
    expect(gap(25, 'pl')).toContain('25 miejsc');
    expect(gap(1, 'bg')).toContain('1 място');
    expect(gap(8.5, 'bg')).toContain('8,5 места');
    expect(gap(8.5, 'en')).toContain('8.5 places');
    const people = checkMessage(check({ check: 'above_ceiling', unit: 'persons_per_year', value: 12, limit: 10 }), 'pl', names, translator('pl'));
    expect(people).toContain('12 osób rocznie');
    expect(people).toContain('10 osób rocznie');
  });

  it('counts service types and days in the right form', () => {
    expect(checkMessage(check({ check: 'low_diversity', value: 2, limit: 5 }), 'uk', names, translator('uk'))).toContain('2 види послуг');
    expect(checkMessage(check({ check: 'low_diversity', value: 2, limit: 5 }), 'bg', names, translator('bg'))).toContain('2 вида услуги');
    expect(checkMessage(check({ check: 'overdue', taskId: 3, value: 5 }), 'pl', names, translator('pl'))).toContain('5 dni');
    expect(checkMessage(check({ check: 'overdue', taskId: 3, value: 1 }), 'en', names, translator('en'))).toContain('1 day overdue');
  });

  it("names a meeting's task by its title and the meeting's date, not as a stage", () => {
    const late = (taskId: number, lang: (typeof LANGUAGES)[number], municipalityId: number | null = 1) =>
      checkMessage({ ...check({ check: 'overdue', taskId, value: 2, municipalityId }), taskKind: 'task' }, lang, names, translator(lang));
    expect(late(4, 'bg')).toBe('Пазарджик: задача „Уточняване на картата“ от заседанието на 10 март 2026 г. — срокът е просрочен с 2 дни.');
    expect(late(4, 'en', null)).toBe('Task “Уточняване на картата” of the meeting of 10 March 2026 is 2 days overdue.');
    expect(late(4, 'uk')).toContain('із засідання від 10 березня 2026');
    expect(late(4, 'pl')).toContain('z posiedzenia z dnia 10 marca 2026');
    expect(late(5, 'bg')).toBe('Пазарджик: задача „Писмо до общините“ — срокът е просрочен с 2 дни.');
    // The same id as a stage is the stage.
    expect(checkMessage(check({ check: 'overdue', taskId: 4, value: 2 }), 'en', names, translator('en'))).toContain('“Проект на споразумение” is 2 days overdue');
  });

  it('writes money in the currency when given', () => {
    const text = checkMessage(check({ check: 'over_budget', serviceType: null, value: 120_000, limit: 100_000 }), 'en', { ...names, currency: 'EUR' }, translator('en'));
    expect(text).toContain('€120,000');
    expect(text).toContain('€100,000');
    // Its sign, never the Latin code, in a Cyrillic text: Ukrainian's own form would be "EUR".
    const inUkrainian = (currency: string) => checkMessage(check({ check: 'over_budget', serviceType: null, value: 120_000, limit: 100_000 }), 'uk', { ...names, currency }, translator('uk'));
    expect(inUkrainian('EUR')).toMatch(/120\s000\s€/);
    expect(inUkrainian('PLN')).toMatch(/120\s000\szł/);
    expect(inUkrainian('EUR')).not.toMatch(/EUR|PLN/);
  });
});
