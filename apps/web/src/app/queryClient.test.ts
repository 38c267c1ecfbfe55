/** Any successful change marks the audit trail's queries stale (history panels refetch); others stay as they are. */
import { describe, expect, it } from 'vitest';
import { createQueryClient } from './queryClient';

describe('createQueryClient', () => {
  it('invalidates audit queries after a successful mutation, and only those', async () => {
    const client = createQueryClient();
    client.setQueryData(['audit', { entityType: 'deviation', entityId: 'd1' }], { pages: [], pageParams: [] });
    client.setQueryData(['quality', 'deviation', 'd1'], { id: 'd1' });
    const failing = client.getMutationCache().build(client, { mutationFn: () => Promise.reject(new Error('refused')) });
    await failing.execute(undefined).catch(() => undefined);
    expect(client.getQueryState(['audit', { entityType: 'deviation', entityId: 'd1' }])?.isInvalidated).toBe(false);

    await client.getMutationCache().build(client, { mutationFn: () => Promise.resolve('ok') }).execute(undefined);
    expect(client.getQueryState(['audit', { entityType: 'deviation', entityId: 'd1' }])?.isInvalidated).toBe(true);
    expect(client.getQueryState(['quality', 'deviation', 'd1'])?.isInvalidated).toBe(false);
  });
});
