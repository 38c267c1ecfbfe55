/** Rooms, room status, EM samples with their limits (trend charts) and the limits table. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Items } from '../../../api/types';
import { MFG, enc, http } from '../common/http';
import type {
  EmLimit,
  EmParameter,
  EmSampleRecorded,
  EmSamples,
  Grade,
  NewEmSample,
  Room,
  SettableRoomStatus,
} from '../facility.types';

export function useRooms(enabled = true) {
  return useQuery({ queryKey: [MFG, 'rooms'], queryFn: () => http.get<Items<Room>>('/rooms'), enabled });
}

export function useCreateRoom() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { code: string; name: string; grade: Grade }) => http.post<Room>('/rooms', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [MFG, 'rooms'] }),
  });
}

export function useSetRoomStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { status: SettableRoomStatus; reason: string }) =>
      http.post<Room>(`/rooms/${enc(id)}/status`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [MFG, 'rooms'] }),
  });
}

export function useEmSamples(roomId: string, filter: { parameter?: EmParameter; from?: string; to?: string }) {
  return useQuery({
    queryKey: [MFG, 'em-samples', roomId, filter],
    queryFn: () => http.get<EmSamples>(`/rooms/${enc(roomId)}/em-samples`, filter),
    placeholderData: (prev) => prev,
  });
}

export function useRecordEmSample(roomId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewEmSample) => http.post<EmSampleRecorded>(`/rooms/${enc(roomId)}/em-samples`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [MFG] }),
  });
}

export function useEmLimits(enabled = true) {
  return useQuery({
    queryKey: [MFG, 'em-limits'],
    queryFn: () => http.get<Items<EmLimit>>('/em/limits'),
    enabled,
  });
}

export function useUpdateEmLimit(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { alertLimit: number | null; actionLimit: number; reason: string }) =>
      http.put<EmLimit>(`/em/limits/${enc(id)}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [MFG] }),
  });
}
