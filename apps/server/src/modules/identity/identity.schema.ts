/** Request and response shapes of login, tokens and users. */
import { z } from 'zod';
import { ROLES } from '../../platform/access';
import { text } from '../../platform/schemas';

export const roleSchema = z.enum(ROLES);

export const userView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
});
export type UserView = z.infer<typeof userView>;

export const loginBody = z.object({
  username: text(1, 64),
  password: z.string().min(1, 'Enter your password').max(256),
});

export const meResponse = z.object({
  user: userView,
  permissions: z.array(z.string()),
  site: z.object({ id: z.string(), name: z.string(), fin: z.string(), timeZone: z.string() }).nullable(),
});

export const tokenBody = z.object({ name: text(1, 100) });
export const tokenResponse = z.object({ id: z.string(), name: z.string(), token: z.string() });

export const createUserBody = z.object({
  username: z
    .string()
    .regex(/^[a-z][a-z0-9._-]{2,31}$/, 'Use 3–32 lower-case letters, digits, dot, dash or underscore, starting with a letter'),
  displayName: text(1, 100),
  password: z.string().min(1).max(256),
  roles: z.array(roleSchema).min(1, 'Give the user at least one role').max(ROLES.length),
});

export const updateUserBody = z.object({
  displayName: text(1, 100).optional(),
  roles: z.array(roleSchema).min(1).max(ROLES.length).optional(),
  active: z.boolean().optional(),
  unlock: z.boolean().optional(),
  reason: text(1, 500),
});
