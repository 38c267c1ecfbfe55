import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test/harness';

describe('API conventions', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('health answers without login and names the engine', async () => {
    const res = await h.request(null, 'GET', '/api/v1/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: h.database.engine, version: expect.any(String) });
  });

  it('publishes OpenAPI with every declared route', async () => {
    const res = await h.request(null, 'GET', '/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
    expect(doc.openapi).toMatch(/^3\./);
    for (const r of h.routes) {
      const path = r.url.replace(/:([a-zA-Z]+)/g, '{$1}');
      expect(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${r.url}`).toBeDefined();
    }
    expect((await h.request(null, 'GET', '/api/docs/')).statusCode).toBe(200);
  });

  it('answers unknown API paths and bad JSON with problem+json carrying the request id', async () => {
    const missing = await h.app.inject({ method: 'GET', url: '/api/v1/nothing-here', headers: { 'x-request-id': 'trace-123' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['x-request-id']).toBe('trace-123');
    expect(missing.json()).toMatchObject({ status: 404, requestId: 'trace-123', type: expect.stringMatching(/^urn:hepatica:problem:/) });
    const badJson = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.headers['content-type']).toMatch(/problem\+json/);
    expect(badJson.body).not.toMatch(/node_modules|at .*:\d+:\d+/);
  });

  it('does not echo an unsafe request id into logs or headers', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/health', headers: { 'x-request-id': 'evil\u0007id with spaces' } });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
