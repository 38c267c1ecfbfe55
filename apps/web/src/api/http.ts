/** The API client with every verb the modules use (GET, POST, PATCH, PUT) and the path encoder. */
import { api, request } from './client';

type Query = Parameters<typeof api.get>[1];

export const http = {
  get: <T>(path: string, query?: Query) => api.get<T>(path, query),
  post: <T>(path: string, body?: unknown) => api.post<T>(path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
};

/** Encodes one path segment (ids, codes) for a URL. */
export const enc = encodeURIComponent;
