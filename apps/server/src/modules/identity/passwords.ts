/** Password hashing (argon2id) and the password policy. */
import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2 exports Algorithm as a const enum that isolatedModules cannot read; 2 = Argon2id.
const ARGON2ID = 2;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

export const PASSWORD_MIN_LENGTH = 12;

/**
 * The site's password policy (NIST SP 800-63B favours length; the hospital asks for variety too):
 * at least 12 characters, three of the four character classes, not containing the username.
 * Returns the reasons a password is refused; empty when it is accepted.
 */
export function passwordPolicyViolations(password: string, username: string): string[] {
  const reasons: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) reasons.push(`must be at least ${PASSWORD_MIN_LENGTH} characters long`);
  if (password.length > 256) reasons.push('must be at most 256 characters long');
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) reasons.push('must mix at least three of: lower-case, upper-case, digits, symbols');
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    reasons.push('must not contain the username');
  }
  return reasons;
}
