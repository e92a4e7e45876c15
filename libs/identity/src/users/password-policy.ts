import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ValidationError } from '@leadpanel/platform';

export const MIN_PASSWORD_LENGTH = 10;

let common: Set<string> | null = null;

/**
 * The 10,000 most common passwords, lower-cased, one a line: SecLists
 * Passwords/Common-Credentials/10k-most-common.txt (https://github.com/danielmiessler/SecLists, MIT).
 * Read once, on first use.
 */
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(join(__dirname, 'data', 'common-passwords.txt'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length > 0),
  );
  return common;
}

/** Why a password is refused, or null: at least 10 characters and not one of the common ones (whatever its case). */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (commonPasswords().has(password.toLowerCase())) return 'is one of the most common passwords; choose another';
  return null;
}

/** Every path that sets a password checks it here: a 400 naming `field`. */
export function assertAcceptablePassword(password: string, field = 'password'): void {
  const problem = passwordProblem(password);
  if (problem) throw new ValidationError(`${field} ${problem}`, [{ field, message: `${field} ${problem}` }]);
}
