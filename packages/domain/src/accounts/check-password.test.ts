import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZNewPassword } from './account';
import { checkPassword } from './check-password';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, normalisePassword, passwordLength } from './password-length';

describe('password rule (OWASP ASVS 4.0 V2.1)', () => {
  it('refuses the weak passwords of the security review (issue 6, finding 12)', () => {
    expect(checkPassword('aaaaaaaaaaaa')).toBe('password_too_common');
    expect(checkPassword('password1234')).toBe('password_too_common');
    expect(checkPassword(' '.repeat(12))).toBe('password_too_short');
    expect(checkPassword('\u200B'.repeat(12))).toBe('password_too_short');
    expect(checkPassword('a')).toBe('password_too_short');
  });

  it('refuses common passwords and easy variations of them, keyboard walks and sequences', () => {
    for (const weak of ['Password1234!', '123456789012', 'qwertyuiop12', 'iloveyou1234', 'abcdefghijkl', 'zaq12wsxcde3', 'trustno1trustno1', 'P@ssw0rd1234']) {
      expect(checkPassword(weak), weak).toBe('password_too_common');
    }
  });

  it('accepts the passwords the tests and demos use, and a few unrelated words in any alphabet', () => {
    for (const good of ['correct horse battery staple', 'e2e-admin-password-1', 'a long new password 2025', 'нова дълга парола 2025', 'green river stone lamp', 'bench-password-1', 'нові зелені двері біля ставка', 'a7Kp-2mQx-9wLz']) {
      expect(checkPassword(good), good).toBeNull();
    }
  });

  it('refuses a password that is the login or the name', () => {
    const personal = ['maria.ivanova@pazardzhik.example', 'Мария Иванова Петрова'];
    expect(checkPassword('maria.ivanova@pazardzhik.example', personal)).toBe('password_too_common');
    expect(checkPassword('Мария Иванова Петрова', personal)).toBe('password_too_common');
    expect(checkPassword('maria.ivanova@pazardzhik.example')).toBeNull();
  });

  it('counts characters after NFKC, without invisible characters and with spaces collapsed', () => {
    expect(passwordLength('  a  b  ')).toBe(3);
    expect(passwordLength('a\u200Bb\u200Dc\uFEFF')).toBe(3);
    // Full-width letters are ordinary letters; an emoji or a Cyrillic letter is one character.
    expect(normalisePassword('ｐａｓｓ')).toBe('pass');
    expect(passwordLength('😀😀😀')).toBe(3);
    expect(passwordLength('парола')).toBe(6);
    expect(checkPassword('😀'.repeat(11))).toBe('password_too_short');
  });

  it('has no composition rules: a long passphrase of lower-case letters and spaces passes', () => {
    expect(checkPassword('plum violin harbour quietly')).toBeNull();
  });

  it('refuses more than 200 characters', () => {
    expect(checkPassword('x7'.repeat(101))).toBe('password_too_long');
    expect(ZNewPassword.safeParse('x7'.repeat(101)).success).toBe(false);
  });

  it('property: anything under 12 visible characters is refused, whatever is around it', () => {
    const invisible = fc.constantFrom('\u200B', '\u200C', '\u200D', '\uFEFF', '\u2060', ' ', '\t', '\n', '\u00A0');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: MIN_PASSWORD_LENGTH - 1 }), fc.array(invisible, { maxLength: 40 }), (visible, padding) => {
        fc.pre([...visible.normalize('NFKC')].length < MIN_PASSWORD_LENGTH && !/\s/u.test(visible));
        const password = padding.join('') + visible + padding.join('');
        if (password.length > MAX_PASSWORD_LENGTH) return;
        expect(checkPassword(password)).toBe('password_too_short');
        expect(ZNewPassword.safeParse(password).success).toBe(false);
      }),
    );
  });

  it('property: the length counted never grows by adding invisible characters or spaces', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), { maxLength: 40 }), fc.nat({ max: 40 }), (graphemes, at) => {
        const text = graphemes.join('');
        const i = Math.min(at, graphemes.length);
        const inserted = [...graphemes.slice(0, i), '\u200B ', ...graphemes.slice(i)].join('');
        // One space at most (where there was none), never the invisible character.
        expect(passwordLength(inserted)).toBeLessThanOrEqual(passwordLength(text) + 1);
        expect(passwordLength('\u200B' + text + '   ')).toBe(passwordLength(text));
      }),
    );
  });

  it('property: the checker and the schema agree on the length rule, and never throw', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (password) => {
        const problem = checkPassword(password);
        expect(problem === 'password_too_short').toBe(!ZNewPassword.safeParse(password).success);
      }),
      { numRuns: 200 },
    );
  });
});
