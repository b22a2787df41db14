import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ZServiceSiteInput } from '@potreby/domain';
import { resources } from '@potreby/i18n';
import { ApiError } from '../api/client';
import { issueMessage, numberOrNull, numberOrUndefined, serverFieldErrors, validateWith } from './validation';

const t = (language: string) => {
  const instance = i18next.createInstance();
  void instance.init({ lng: language, resources, initAsync: false, interpolation: { escapeValue: false } });
  return instance.t;
};

const site = {
  siteKey: 'S-1',
  year: 2025,
  name: 'Day centre',
  serviceType: 'bg.day_care_elderly',
  provider: 'Municipality',
  providerKind: 'public',
  settlementId: 10,
  servesIds: [],
  capacity: 20,
};

describe('form validation in the user’s language', () => {
  it('explains each field of a service site as the schema found it', () => {
    const result = validateWith(ZServiceSiteInput, { ...site, capacity: -5, name: '', year: undefined }, t('en'));
    expect(result.errors).toEqual({ capacity: 'Enter 0 or more.', name: 'Please fill this in.', year: 'Please fill this in.' });
    // The rule across fields, once the fields themselves are right.
    expect(validateWith(ZServiceSiteInput, { ...site, staffPositions: 2, staffVacancies: 3 }, t('en')).errors).toEqual({
      staffVacancies: 'Vacancies cannot exceed staff positions.',
    });
    expect(validateWith(ZServiceSiteInput, site, t('en')).errors).toBeNull();
  });

  it('uses the other languages’ words, plural forms included', () => {
    expect(validateWith(ZServiceSiteInput, { ...site, capacity: 2.5 }, t('bg')).errors).toEqual({ capacity: 'Въведете цяло число.' });
    expect(issueMessage(t('uk'), { code: 'too_small', origin: 'string', minimum: 3, path: ['login'], message: '' })).toBe('Введіть щонайменше 3 символи.');
    expect(issueMessage(t('pl'), { code: 'too_small', origin: 'string', minimum: 5, path: ['login'], message: '' })).toBe('Wpisz co najmniej 5 znaków.');
  });

  it('reads the server’s field errors: our codes and zod’s English messages', () => {
    const error = new ApiError({
      type: 'about:blank',
      title: 'Invalid',
      status: 400,
      code: 'validation.invalid',
      issues: [
        { path: 'capacity', message: 'Too small: expected number to be >=0' },
        { path: 'servesIds.2', message: 'unknown_territory' },
        { path: 'serviceType', message: 'wrong_country' },
      ],
    });
    expect(serverFieldErrors(error, t('en'))).toEqual({
      capacity: 'Enter 0 or more.',
      servesIds: 'Unknown territory.',
      serviceType: "This service type belongs to another country's catalogue.",
    });
    expect(serverFieldErrors(new Error('x'), t('en'))).toBeNull();
  });

  it('turns number inputs into numbers, empty ones into "missing"', () => {
    expect(numberOrUndefined('')).toBeUndefined();
    expect(numberOrUndefined('2,5')).toBe(2.5);
    expect(numberOrNull('')).toBeNull();
    expect(numberOrNull(7)).toBe(7);
  });
});
