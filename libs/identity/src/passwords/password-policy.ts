import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '@academy/platform';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

let common: Set<string> | undefined;

/** The bundled list, loaded once; entries are lower-case, so the check ignores case. */
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(join(__dirname, 'common-passwords.txt'), 'utf8')
      .split('\n')
      .map((line) => line.trimEnd())
      .filter((line) => line && !line.startsWith('#')),
  );
  return common;
}

export interface PasswordContext {
  email?: string;
  displayName?: string;
}

/**
 * What is wrong with a new password, in words for people; empty when it is acceptable. Length only and a
 * list of common passwords: no composition rules (ASVS 2.1). Length counts characters as people see them
 * (code points), so a password of accented letters or emoji is not penalised.
 */
export function passwordProblems(password: string, context: PasswordContext = {}): string[] {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return [`Use at least ${PASSWORD_MIN_LENGTH} characters; a short sentence is easy to remember.`];
  }
  if (length > PASSWORD_MAX_LENGTH) return [`Use at most ${PASSWORD_MAX_LENGTH} characters.`];
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) {
    return ['This password is too common and easy to guess. Choose another one.'];
  }
  const personal = [context.email, context.email?.split('@')[0], context.displayName]
    .filter((value): value is string => !!value && value.length >= 4)
    .map((value) => value.toLowerCase());
  if (personal.includes(lower)) return ['Do not use your name or email address as your password.'];
  return [];
}

/** Throws `identity.password-rejected` with a field error when the password is not acceptable. */
export function assertAcceptablePassword(
  password: string,
  field: string,
  context: PasswordContext = {},
): void {
  const problems = passwordProblems(password, context);
  if (problems.length) {
    throw new DomainError('identity.password-rejected', problems[0], {
      errors: [{ field, messages: problems }],
    });
  }
}
