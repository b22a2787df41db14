import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import type { TCountry } from '../../territories/territory';
import { addDays, addWorkingDays, holidaysOf, isWorkingDay, nextWorkingDay, workingDayOnOrAfter, type TCalendarAmendment } from './calendar';
import { dayNumber, isIsoDate, isoOfDay, shiftIsoDate } from './iso-date';

const COUNTRIES: TCountry[] = ['BG', 'UA', 'PL'];
const dates = (country: TCountry, year: number) => holidaysOf(country, year).map((h) => h.date);
const substitutes = (country: TCountry, year: number) => holidaysOf(country, year).filter((h) => h.substitute).map((h) => h.date);
const offDays = (country: TCountry, from: string, to: string) => {
  const off: string[] = [];
  for (let d = dayNumber(from); d <= dayNumber(to); d += 1) {
    const weekday = (d + 4) % 7;
    if (weekday !== 0 && weekday !== 6 && !isWorkingDay(country, isoOfDay(d))) off.push(isoOfDay(d));
  }
  return off;
};

describe('public holidays', () => {
  it('puts Orthodox Easter in Bulgaria and Ukraine, Western Easter in Poland (2023–2027)', () => {
    const orthodox = { 2023: '2023-04-16', 2024: '2024-05-05', 2025: '2025-04-20', 2026: '2026-04-12', 2027: '2027-05-02' };
    const western = { 2023: '2023-04-09', 2024: '2024-03-31', 2025: '2025-04-20', 2026: '2026-04-05', 2027: '2027-03-28' };
    for (const [year, easter] of Object.entries(orthodox)) {
      expect(dates('BG', Number(year))).toEqual(expect.arrayContaining([shiftIsoDate(easter, -2), shiftIsoDate(easter, -1), easter, shiftIsoDate(easter, 1)]));
      expect(dates('UA', Number(year))).toContain(easter);
    }
    for (const [year, easter] of Object.entries(western)) {
      // Easter Monday, and Corpus Christi 60 days after Easter.
      expect(dates('PL', Number(year))).toEqual(expect.arrayContaining([easter, shiftIsoDate(easter, 1), shiftIsoDate(easter, 60)]));
      expect(isWorkingDay('PL', shiftIsoDate(easter, 1))).toBe(false);
      expect(isWorkingDay('PL', shiftIsoDate(easter, -2))).toBe(true); // Good Friday is worked in Poland
    }
  });

  it("gives Bulgaria's days off of each year, with holidays on a weekend moved to the next working day (Labour Code art. 154)", () => {
    expect(offDays('BG', '2023-01-01', '2023-12-31')).toEqual([
      '2023-01-02', '2023-03-03', '2023-04-14', '2023-04-17', '2023-05-01', '2023-05-08', '2023-05-24', '2023-09-06', '2023-09-22', '2023-12-25', '2023-12-26', '2023-12-27',
    ]);
    expect(offDays('BG', '2024-01-01', '2024-12-31')).toEqual([
      '2024-01-01', '2024-03-04', '2024-05-01', '2024-05-03', '2024-05-06', '2024-05-24', '2024-09-06', '2024-09-23', '2024-12-24', '2024-12-25', '2024-12-26',
    ]);
    expect(offDays('BG', '2025-01-01', '2025-12-31')).toEqual([
      '2025-01-01', '2025-03-03', '2025-04-18', '2025-04-21', '2025-05-01', '2025-05-06', '2025-05-26', '2025-09-08', '2025-09-22', '2025-12-24', '2025-12-25', '2025-12-26',
    ]);
    expect(substitutes('BG', 2026)).toEqual(['2026-05-25', '2026-09-07', '2026-12-28']);
    // 2027: Labour Day falls on Holy Saturday, Easter Monday is 3 May: Tuesday 4 May is off; 25–26 December on the weekend.
    expect(substitutes('BG', 2027)).toEqual(['2027-05-04', '2027-12-27', '2027-12-28']);
    // The Easter days themselves never move.
    expect(isWorkingDay('BG', '2026-04-14')).toBe(true);
  });

  it("gives Poland's days off, Christmas Eve off from 2025 on", () => {
    expect(offDays('PL', '2024-01-01', '2024-12-31')).toEqual([
      '2024-01-01', '2024-04-01', '2024-05-01', '2024-05-03', '2024-05-30', '2024-08-15', '2024-11-01', '2024-11-11', '2024-12-25', '2024-12-26',
    ]);
    expect(isWorkingDay('PL', '2024-12-24')).toBe(true);
    expect(isWorkingDay('PL', '2025-12-24')).toBe(false);
    expect(isWorkingDay('PL', '2027-12-24')).toBe(false);
    // A holiday on a Saturday moves nothing for everyone (the employer gives another day): 15 August 2026.
    expect(substitutes('PL', 2026)).toEqual([]);
    expect(isWorkingDay('PL', '2026-08-17')).toBe(true);
  });

  it("lists Ukraine's holidays but, under martial law, keeps them working days unless told otherwise", () => {
    for (const year of [2023, 2024, 2025, 2026, 2027]) {
      expect(dates('UA', year)).toEqual(expect.arrayContaining([`${year}-01-01`, `${year}-06-28`, `${year}-08-24`, `${year}-12-25`]));
      expect(offDays('UA', `${year}-01-01`, `${year}-12-31`)).toEqual([]);
    }
    // Peacetime rule, when martial law ends: holidays are off, and one on a weekend moves to Monday.
    expect(isWorkingDay('UA', '2025-08-25', { publicHolidaysOff: true })).toBe(false);
    expect(isWorkingDay('UA', '2025-08-25')).toBe(true);
    expect(isWorkingDay('UA', '2026-04-13', { publicHolidaysOff: true })).toBe(false);
    expect(isWorkingDay('UA', '2026-06-29', { publicHolidaysOff: true })).toBe(false);
    expect(isWorkingDay('UA', '2026-06-29')).toBe(true);
  });

  it('names the holidays in the country’s language', () => {
    expect(holidaysOf('BG', 2026).find((h) => h.date === '2026-04-12')?.name).toBe('Великден');
    expect(holidaysOf('PL', 2026).find((h) => h.date === '2026-11-11')?.name).toMatch(/Niepodległości/);
    expect(holidaysOf('UA', 2026).find((h) => h.date === '2026-08-24')?.name).toMatch(/Незалежності/);
  });

  it('refuses a year outside the calendar', () => {
    expect(() => holidaysOf('BG', 1800)).toThrow(AppError);
    expect(() => holidaysOf('BG', 2026.5)).toThrow(AppError);
  });
});

describe('periods', () => {
  it('ends a calendar-day period on the next working day when it falls on a day off', () => {
    // The 2023 round: 30 days of consultation from the draft agreement of 17 February end on Sunday 19 March → Monday 20 March.
    expect(addDays('BG', '2023-02-17', 30)).toBe('2023-03-20');
    expect(addDays('BG', '2023-12-22', 2)).toBe('2023-12-28');
    expect(addDays('PL', '2026-04-03', 1)).toBe('2026-04-07');
    expect(addDays('UA', '2026-08-21', 3)).toBe('2026-08-24'); // Independence Day is worked under martial law
    expect(addDays('BG', '2026-03-10', 0)).toBe('2026-03-10');
  });

  it('counts working days, not counting the day of the event', () => {
    expect(addWorkingDays('BG', '2023-04-13', 1)).toBe('2023-04-18');
    expect(addWorkingDays('BG', '2024-12-20', 3)).toBe('2024-12-30');
    expect(addWorkingDays('PL', '2024-03-28', 2)).toBe('2024-04-02');
    expect(addWorkingDays('BG', '2026-01-03', 0)).toBe('2026-01-05');
    expect(nextWorkingDay('BG', '2026-05-22')).toBe('2026-05-26');
    expect(workingDayOnOrAfter('BG', '2026-05-22')).toBe('2026-05-22');
  });

  it('follows the calendar amendments: a Saturday worked, a bridge day off', () => {
    const calendar: TCalendarAmendment[] = [
      { date: '2026-01-02', working: false, note: 'bridge day' },
      { date: '2026-01-17', working: true, note: 'Saturday worked instead' },
    ];
    expect(isWorkingDay('BG', '2026-01-02', { calendar })).toBe(false);
    expect(isWorkingDay('BG', '2026-01-17', { calendar })).toBe(true);
    expect(addWorkingDays('BG', '2025-12-31', 1, { calendar })).toBe('2026-01-05');
    expect(addWorkingDays('BG', '2026-01-16', 1, { calendar })).toBe('2026-01-17');
    // An amendment may also make a holiday worked.
    expect(isWorkingDay('BG', '2026-03-03', { calendar: [{ date: '2026-03-03', working: true, note: '' }] })).toBe(true);
  });

  it('refuses bad dates, counts and calendars with validation.invalid', () => {
    for (const call of [
      () => addDays('BG', '2026-02-30', 1),
      () => addDays('BG', '2026-2-3', 1),
      () => addDays('BG', '2026-02-03', -1),
      () => addWorkingDays('BG', '2026-02-03', 1.5),
      () => addWorkingDays('BG', '2026-02-03', 1, { calendar: [{ date: 'soon', working: true, note: '' }] }),
      () => addDays('BG', '2200-12-01', 100),
    ])
      expect(call).toThrow(expect.objectContaining({ code: 'validation.invalid' }));
  });
});

const isoDate = fc.integer({ min: dayNumber('2023-01-01'), max: dayNumber('2027-12-31') }).map(isoOfDay);
const country = fc.constantFrom(...COUNTRIES);
const amendments = fc.array(fc.record({ date: isoDate, working: fc.boolean(), note: fc.string({ maxLength: 10 }) }), { maxLength: 15 });
const options = fc.record({ calendar: amendments, publicHolidaysOff: fc.option(fc.boolean(), { nil: undefined }) });

describe('periods, for any country, date and calendar', () => {
  it('end on a working day, no earlier than the calendar date, with only days off between', () => {
    fc.assert(
      fc.property(country, isoDate, fc.nat(120), options, (c, from, n, opts) => {
        const due = addDays(c, from, n, opts);
        expect(isWorkingDay(c, due, opts)).toBe(true);
        expect(due >= shiftIsoDate(from, n)).toBe(true);
        for (let d = dayNumber(from) + n; d < dayNumber(due); d += 1) expect(isWorkingDay(c, isoOfDay(d), opts)).toBe(false);
        const dueWorking = addWorkingDays(c, from, n, opts);
        expect(isWorkingDay(c, dueWorking, opts)).toBe(true);
        // n working days are never sooner than n calendar days.
        expect(dueWorking >= due).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('count exactly n working days, and more days or a later start never end sooner', () => {
    fc.assert(
      fc.property(country, isoDate, fc.nat(60), fc.nat(30), fc.nat(30), options, (c, from, n, more, later, opts) => {
        const due = addWorkingDays(c, from, n, opts);
        let counted = 0;
        for (let d = dayNumber(from) + 1; d <= dayNumber(due); d += 1) if (isWorkingDay(c, isoOfDay(d), opts)) counted += 1;
        if (n === 0) expect(due).toBe(workingDayOnOrAfter(c, from, opts));
        else expect(counted).toBe(n);
        expect(addWorkingDays(c, from, n + more, opts) >= due).toBe(true);
        expect(addWorkingDays(c, shiftIsoDate(from, later), n, opts) >= due).toBe(true);
        expect(addDays(c, from, n + more, opts) >= addDays(c, from, n, opts)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('respect every amendment, the last one for a date winning', () => {
    fc.assert(
      fc.property(country, amendments, (c, calendar) => {
        const last = new Map(calendar.map((a) => [a.date, a.working]));
        for (const [date, working] of last) expect(isWorkingDay(c, date, { calendar })).toBe(working);
      }),
    );
  });

  it('give ISO dates back', () => {
    fc.assert(fc.property(country, isoDate, fc.nat(400), (c, from, n) => {
        expect(isIsoDate(addWorkingDays(c, from, n))).toBe(true);
      }), { numRuns: 50 });
  });
});
