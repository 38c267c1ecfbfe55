/** User accounts (admin). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Items, User } from '../../api/types';

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: string[];
}

export function useUsers() {
  return useQuery({ queryKey: ['users'], queryFn: () => api.get<Items<User>>('/users') });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewUser) => api.post<User>('/users', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
