import { dictionary } from '@zxcvbn-ts/language-common';

// NIST SP 800-63B (rev. 4) §3.1.1.2 for single-factor passwords: at least 15 characters, at least 64 allowed,
// no composition rules, refuse values from a breached/common list and context words (docs/decisions/0702).
export const PASSWORD_MIN = 15;
export const PASSWORD_MAX = 128;

// ~49,000 passwords most seen in breaches (zxcvbn-ts, MIT), lower-cased once at load.
const COMMON = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

// Context-specific words (the service's names): a password made only of them is refused.
const CONTEXT_WORDS = new Set([
  'hhs',
  'mentoring',
  'hhsmentoring',
  'mentoringhhs',
  'hhsmentoringprogram',
  'mentoringprogram',
  'mentoringmatchingsystem',
]);

export type PasswordRefusal = { field: string; message: string };

/** Why a new password is refused, or undefined when it is acceptable. Used only when a password is chosen. */
export function checkNewPassword(password: string, email: string): PasswordRefusal | undefined {
  const refuse = (message: string) => ({ field: '/body/password', message });
  const length = [...password.normalize('NFKC')].length;
  if (length < PASSWORD_MIN)
    return refuse(`Use at least ${PASSWORD_MIN} characters; a few unrelated words work well.`);
  if (length > PASSWORD_MAX) return refuse(`Use at most ${PASSWORD_MAX} characters.`);
  const lower = password.toLowerCase();
  // A common password padded with digits or symbols ("iloveyou12345678!") is as guessable as the password itself.
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  if (COMMON.has(lower) || COMMON.has(core) || /^(.+?)\1+$/.test(lower))
    return refuse('This password is on the list of passwords attackers try first. Choose another.');
  const local = email.toLowerCase().split('@')[0] ?? '';
  const letters = lower.replace(/[^a-z]/g, '');
  if (
    lower.includes(email.toLowerCase()) ||
    (local.length >= 4 && lower.includes(local)) ||
    CONTEXT_WORDS.has(letters)
  )
    return refuse('Do not use your email address or the name of this service in your password.');
  return undefined;
}
