import { describe, expect, it } from 'vitest';
import type { TServiceType } from '@potreby/domain';
import { offeredServiceTypes } from './offered-types';

const type = (key: string, retiredAt: string | null = null): TServiceType => ({
  key,
  country: 'BG',
  officialCode: null,
  name: key,
  nameEn: key,
  category: 'other',
  residential: false,
  unit: 'places',
  targetGroups: ['all'],
  retiredAt,
});

describe('the types a form offers', () => {
  const items = [type('bg.a'), type('bg.old', '2026-01-01T00:00:00.000Z'), type('bg.b')];
  it('leave retired types out of a new choice', () => {
    expect(offeredServiceTypes(items).map((s) => s.key)).toEqual(['bg.a', 'bg.b']);
  });
  it('keep the retired type a site already has', () => {
    expect(offeredServiceTypes(items, 'bg.old').map((s) => s.key)).toEqual(['bg.a', 'bg.old', 'bg.b']);
  });
  it("keep the retired types a finding already names, and offer no other retired one", () => {
    const more = [...items, type('bg.gone', '2025-06-01T00:00:00.000Z')];
    expect(offeredServiceTypes(more, ['bg.b', 'bg.old']).map((s) => s.key)).toEqual(['bg.a', 'bg.old', 'bg.b']);
    expect(offeredServiceTypes(more, []).map((s) => s.key)).toEqual(['bg.a', 'bg.b']);
  });
});
