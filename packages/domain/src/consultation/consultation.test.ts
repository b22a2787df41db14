import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consultationPhase, defaultPeriod, periodDays, USUAL_CONSULTATION_DAYS, ZConsultationInput } from './consultation';
import { mayModerate, publicAuthor, publiclyVisible, ZAnswerInput, ZCommentInput, COMMENT_STATUSES } from './comments';
import { leadingZeroBits, meetsDifficulty } from './proof-of-work';
import { commentTargetKey, orderForReport, summariseComments, type ReportComment } from './report';

describe('the consultation period', () => {
  it('is open from its first day to its last, both included', () => {
    const period = { opensOn: '2027-01-18', closesOn: '2027-02-16' };
    expect(consultationPhase(period, '2027-01-17')).toBe('scheduled');
    expect(consultationPhase(period, '2027-01-18')).toBe('open');
    expect(consultationPhase(period, '2027-02-16')).toBe('open');
    expect(consultationPhase(period, '2027-02-17')).toBe('closed');
  });

  it('is offered as the usual 30 days from today', () => {
    const period = defaultPeriod('2027-01-18');
    expect(period).toEqual({ opensOn: '2027-01-18', closesOn: '2027-02-16' });
    expect(periodDays(period)).toBe(USUAL_CONSULTATION_DAYS);
  });

  it('refuses a closing date before the opening one, and a date that is not a date', () => {
    const base = { kind: 'draft_agreement', title: 'Проект на споразумение', opensOn: '2027-02-01', closesOn: '2027-01-31' };
    const refused = ZConsultationInput.safeParse(base);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(['closesOn']);
    expect(ZConsultationInput.safeParse({ ...base, closesOn: '2027-02-30' }).success).toBe(false);
    expect(ZConsultationInput.safeParse({ ...base, closesOn: '2027-02-01' }).success).toBe(true);
  });

  it('counts every day of any period, and a period is open on exactly that many days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 120 }), (start, length) => {
        const day = (n: number) => new Date(Date.UTC(2000, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
        const period = { opensOn: day(start), closesOn: day(start + length) };
        expect(periodDays(period)).toBe(length + 1);
        let open = 0;
        for (let d = start - 2; d <= start + length + 2; d += 1) if (consultationPhase(period, day(d)) === 'open') open += 1;
        expect(open).toBe(length + 1);
      }),
    );
  });
});

describe('a comment', () => {
  it('needs text; name, organisation and consent are optional', () => {
    expect(ZCommentInput.safeParse({ target: { kind: 'whole' }, body: '   ' }).success).toBe(false);
    expect(ZCommentInput.parse({ target: { kind: 'item', itemId: 4 }, body: 'Нужен е мобилен екип' })).toEqual({ target: { kind: 'item', itemId: 4 }, body: 'Нужен е мобилен екип', name: '', organisation: '', consent: false });
    expect(ZCommentInput.safeParse({ target: { kind: 'section', section: 40 }, body: 'x' }).success).toBe(false);
  });

  it("shows its author in public only with consent, and never once erased", () => {
    const c = { status: 'published' as const, name: 'Мария Петрова', organisation: 'Сдружение „Родопи“', consent: false, erasedAt: null };
    expect(publicAuthor(c)).toEqual({ name: null, organisation: null });
    expect(publicAuthor({ ...c, consent: true })).toEqual({ name: 'Мария Петрова', organisation: 'Сдружение „Родопи“' });
    expect(publicAuthor({ ...c, consent: true, erasedAt: '2027-02-20T10:00:00Z' })).toEqual({ name: null, organisation: null });
  });

  it('property: no author reaches the public without consent or after erasure', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.boolean(), fc.option(fc.constant('2027-01-01T00:00:00Z')), (name, organisation, consent, erasedAt) => {
        const shown = publicAuthor({ status: 'published', name, organisation, consent, erasedAt });
        if (!consent || erasedAt) expect(shown).toEqual({ name: null, organisation: null });
        else expect([shown.name ?? '', shown.organisation ?? '']).toEqual([name, organisation]);
      }),
    );
  });

  it('reaches the public once moderated; a moderator never sends it back to pending', () => {
    expect(publiclyVisible({ status: 'pending' })).toBe(false);
    expect(publiclyVisible({ status: 'published' })).toBe(true);
    for (const from of COMMENT_STATUSES) for (const to of COMMENT_STATUSES) expect(mayModerate(from, to)).toBe(to !== 'pending');
  });

  it('is answered with a reason unless accepted as it is', () => {
    expect(ZAnswerInput.safeParse({ verdict: 'rejected', reason: '' }).success).toBe(false);
    expect(ZAnswerInput.safeParse({ verdict: 'partly', reason: 'Само за две села' }).success).toBe(true);
    expect(ZAnswerInput.parse({ verdict: 'accepted' })).toEqual({ verdict: 'accepted', reason: '', change: '', changedItemId: null });
  });
});

describe('the proof of work', () => {
  it('counts the leading zero bits of a hash', () => {
    expect(leadingZeroBits(new Uint8Array([0, 0, 0x80]))).toBe(16);
    expect(leadingZeroBits(new Uint8Array([0, 0x01]))).toBe(15);
    expect(leadingZeroBits(new Uint8Array([0xff]))).toBe(0);
    expect(leadingZeroBits(new Uint8Array([0, 0]))).toBe(16);
    expect(meetsDifficulty(new Uint8Array([0, 0x03, 0xff]), 14)).toBe(true);
    expect(meetsDifficulty(new Uint8Array([0, 0x04, 0]), 14)).toBe(false);
  });

  it('property: agrees with the bits written out', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 8 }), (bytes) => {
        const bits = [...bytes].map((b) => b.toString(2).padStart(8, '0')).join('');
        const zeros = bits.indexOf('1') === -1 ? bits.length : bits.indexOf('1');
        expect(leadingZeroBits(bytes)).toBe(zeros);
      }),
    );
  });
});

describe('the report', () => {
  const comment = (id: number, target: ReportComment['target'], extra: Partial<ReportComment> = {}): ReportComment => ({ id, target, status: 'published', receivedAt: `2027-01-2${id % 10}T10:00:00Z`, verdict: null, ...extra });

  it('follows the document: the whole, the sections in order, then the items, the service sites and the figures in their order', () => {
    const comments = [
      comment(1, { kind: 'item', itemId: 9 }),
      comment(2, { kind: 'section', section: 1 }),
      comment(3, { kind: 'item', itemId: 7 }),
      comment(4, { kind: 'whole' }),
      comment(5, { kind: 'section', section: 0 }),
      comment(6, { kind: 'item', itemId: 99 }),
      comment(7, { kind: 'figure', municipalityId: 3, serviceType: 'bg.home_care' }),
      comment(8, { kind: 'site', siteId: 41 }),
      comment(9, { kind: 'figure', municipalityId: 2, serviceType: 'bg.day_centre' }),
    ];
    const shown = ['item-7', 'item-9', 'site-41', 'figure-2-bg.day_centre', 'figure-3-bg.home_care'];
    expect(orderForReport(comments, shown).map((c) => c.id)).toEqual([4, 5, 2, 3, 1, 6, 8, 9, 7]);
  });

  it('names each target with one key, the page anchor', () => {
    expect(commentTargetKey({ kind: 'whole' })).toBe('whole');
    expect(commentTargetKey({ kind: 'section', section: 2 })).toBe('section-2');
    expect(commentTargetKey({ kind: 'item', itemId: 12 })).toBe('item-12');
    expect(commentTargetKey({ kind: 'site', siteId: 5 })).toBe('site-5');
    expect(commentTargetKey({ kind: 'figure', municipalityId: 7, serviceType: 'pl.care_services' })).toBe('figure-7-pl.care_services');
  });

  it('counts what was received, moderated and answered; a hidden comment is not owed an answer', () => {
    const summary = summariseComments([
      comment(1, { kind: 'whole' }, { verdict: 'accepted' }),
      comment(2, { kind: 'whole' }, { verdict: 'rejected' }),
      comment(3, { kind: 'whole' }, { status: 'hidden' }),
      comment(4, { kind: 'whole' }, { status: 'pending' }),
      comment(5, { kind: 'whole' }),
    ]);
    expect(summary).toEqual({ received: 5, published: 3, hidden: 1, pending: 1, answered: { accepted: 1, partly: 0, rejected: 1 }, unanswered: 2 });
  });

  it('property: the counts add up, and ordering keeps every comment once', () => {
    const arb = fc.record({
      id: fc.nat(),
      target: fc.oneof(fc.constant({ kind: 'whole' as const }), fc.record({ kind: fc.constant('section' as const), section: fc.integer({ min: 0, max: 39 }) }), fc.record({ kind: fc.constant('item' as const), itemId: fc.integer({ min: 1, max: 20 }) }), fc.record({ kind: fc.constant('site' as const), siteId: fc.integer({ min: 1, max: 20 }) })),
      status: fc.constantFrom(...COMMENT_STATUSES),
      receivedAt: fc.constantFrom('2027-01-01T00:00:00Z', '2027-01-02T00:00:00Z'),
      verdict: fc.option(fc.constantFrom('accepted' as const, 'partly' as const, 'rejected' as const)),
    });
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 40 }), fc.uniqueArray(fc.integer({ min: 1, max: 20 })), (comments, items) => {
        const s = summariseComments(comments);
        expect(s.published + s.hidden + s.pending).toBe(s.received);
        expect(s.answered.accepted + s.answered.partly + s.answered.rejected + s.unanswered + comments.filter((c) => c.status === 'hidden' && !c.verdict).length).toBe(s.received);
        const ordered = orderForReport(comments, items.map((id) => `item-${id}`));
        expect(ordered).toHaveLength(comments.length);
        expect(new Set(ordered)).toEqual(new Set(comments));
      }),
    );
  });
});
