/** Public certificate verification (no login). */
import { useQuery } from '@tanstack/react-query';
import { enc, http } from '../common/http';
import type { Verification } from '../training.types';

/** Codes are 12 characters of an unambiguous alphabet; people type them with spaces, dashes or lower case. */
export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function useVerification(code: string) {
  return useQuery({
    queryKey: ['training', 'verify', code],
    queryFn: () => http.get<Verification>(`/training/certificates/${enc(code)}/verify`),
    enabled: code.length > 0,
    retry: false,
  });
}
