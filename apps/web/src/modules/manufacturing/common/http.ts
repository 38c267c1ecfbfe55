/** The API client with the PATCH and PUT verbs the manufacturing routes use, the path encoder and list helper. */
import { api, request } from '../../../api/client';

type Query = Parameters<typeof api.get>[1];

export const http = {
  get: <T>(path: string, query?: Query) => api.get<T>(path, query),
  post: <T>(path: string, body?: unknown) => api.post<T>(path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
};

export const enc = encodeURIComponent;

/** Every manufacturing query key starts here, so a change can refresh the whole area at once. */
export const MFG = 'mfg';
