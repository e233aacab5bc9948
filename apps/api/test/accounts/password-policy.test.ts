import { describe, expect, it } from 'vitest';
import { checkNewPassword, PASSWORD_MAX, PASSWORD_MIN } from '../../src/services/accounts/password-policy.js';

const email = 'jordan.rivera@cdc.hhs.gov';

describe('R-ACC-1 password rules (NIST SP 800-63B)', () => {
  it(`R-ACC-1: needs at least ${PASSWORD_MIN} characters and allows up to ${PASSWORD_MAX}, counting characters not bytes`, () => {
    expect(checkNewPassword('a'.repeat(3) + 'bcdefghijkl', email)).toBeDefined(); // 14
    expect(checkNewPassword('quiet lanterns!', email)).toBeUndefined(); // 15
    expect(checkNewPassword('ключ от дома 12', email)).toBeUndefined(); // 15 characters, 26 bytes
    expect(checkNewPassword('x'.repeat(PASSWORD_MAX + 1), email)).toBeDefined();
    expect(checkNewPassword(`${'river stone '.repeat(10)}end`, email)).toBeUndefined();
  });

  it('R-ACC-1: has no composition rules: lower-case words only are fine', () => {
    expect(checkNewPassword('maple river under seven clouds', email)).toBeUndefined();
  });

  it('R-ACC-1: refuses common breached passwords, padded variants and repetitions', () => {
    for (const p of [
      '123456789987654321',
      'qwerty123456789',
      'Password123456789!',
      'abcabcabcabcabcabc',
      'mentoring-hhs-2026!',
    ])
      expect(checkNewPassword(p, email), p).toBeDefined();
  });

  it('R-ACC-1: refuses the email address or its name part', () => {
    expect(checkNewPassword('jordan.rivera@cdc.hhs.gov', email)).toBeDefined();
    expect(checkNewPassword('my name is jordan.rivera ok', email)).toBeDefined();
  });
});
