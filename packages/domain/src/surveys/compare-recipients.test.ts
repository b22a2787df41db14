import { describe, expect, it } from 'vitest';
import { compareRecipients, type RecipientAnswers } from './compare-recipients';
import { wilsonInterval } from './wilson-interval';

const many = (k: number, answers: RecipientAnswers): RecipientAnswers[] => Array.from({ length: k }, () => answers);

describe('compareRecipients', () => {
  it('counts need among those not using the service and satisfaction among those using it', () => {
    const view = compareRecipients([
      ...many(15, { uses: false, needs: true, satisfied: null }),
      ...many(133, { uses: false, needs: false, satisfied: null }),
      ...many(3, { uses: false, needs: null, satisfied: true }), // did not say whether they need it
      ...many(81, { uses: true, needs: true, satisfied: true }),
      ...many(182, { uses: true, needs: false, satisfied: false }),
      ...many(4, { uses: true, needs: true, satisfied: null }),
      ...many(6, { uses: null, needs: true, satisfied: true }),
    ]);
    // 15 of 148 non-users need it, 81 of 263 users are satisfied: Newcombe's (1998) examples,
    // whose Wilson intervals are 0.0624–0.1605 and 0.2553–0.3662.
    expect(view.potential).toMatchObject({ respondents: 148, count: 15 });
    expect(view.potential.low).toBeCloseTo(0.0624, 4);
    expect(view.potential.high).toBeCloseTo(0.1605, 4);
    expect(view.current).toMatchObject({ respondents: 263, count: 81 });
    expect(view.current.share).toBeCloseTo(81 / 263, 12);
    expect(view.current.low).toBeCloseTo(0.2553, 4);
    expect(view.current.high).toBeCloseTo(0.3662, 4);
    expect(view.respondents).toBe(424);
    expect(view.useUnknown).toBe(6);
  });

  it('gives an interval from 0 to 1 for a view nobody is in', () => {
    const view = compareRecipients(many(5, { uses: false, needs: true, satisfied: null }));
    expect(view.current).toEqual({ respondents: 0, count: 0, share: 0, low: 0, high: 1 });
    expect(view.potential).toEqual({ respondents: 5, count: 5, share: 1, ...pick(wilsonInterval(5, 5)) });
  });
});

const pick = ({ low, high }: { low: number; high: number }) => ({ low, high });
