/**
 * Request context: who is acting, for which request. Carried by AsyncLocalStorage so the audit
 * trail and logs never take the user as a parameter (and cannot be handed the wrong one).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface Actor {
  id: string | null;
  username: string;
  displayName: string;
  roles: readonly string[];
}

export interface RequestContext {
  requestId: string;
  actor: Actor | null;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The actor of work that no person started (migrations, demo seed, CLI maintenance). */
export const SYSTEM_ACTOR: Actor = { id: null, username: 'system', displayName: 'System', roles: [] };

export function runWithContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

/** The acting user; work outside any request context is attributed to the system. */
export function currentActor(): Actor {
  return storage.getStore()?.actor ?? SYSTEM_ACTOR;
}

/** The acting user, who must be a logged-in person (not the system). */
export function requireUserActor(): Actor & { id: string } {
  const actor = currentActor();
  if (!actor.id) throw new Error('This action needs a logged-in user in the request context');
  return actor as Actor & { id: string };
}
