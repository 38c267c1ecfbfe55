/** Course catalogue and role curricula: queries and mutations (training:read / training:write). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Items } from '../../../api/types';
import { enc, http } from '../common/http';
import type { CourseCategory, Course, CourseChange, Curriculum, NewCourse } from '../training.types';

export function useCourses(category?: CourseCategory | '', includeRetired = false) {
  return useQuery({
    queryKey: ['training', 'courses', { category: category || null, includeRetired }],
    queryFn: () =>
      http.get<Items<Course>>('/training/courses', {
        category: category || undefined,
        includeRetired: includeRetired ? 'true' : undefined,
      }),
    placeholderData: (prev) => prev,
    staleTime: 30_000,
  });
}

export function useCourse(id: string) {
  return useQuery({
    queryKey: ['training', 'courses', id],
    queryFn: () => http.get<Course>(`/training/courses/${enc(id)}`),
  });
}

export function useCreateCourse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewCourse) => http.post<Course>('/training/courses', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['training', 'courses'] }),
  });
}

export function useUpdateCourse(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CourseChange) => http.patch<Course>(`/training/courses/${enc(id)}`, body),
    onSuccess: async (course) => {
      queryClient.setQueryData(['training', 'courses', id], course);
      // A requalifying SOP revision changes qualifications too.
      await queryClient.invalidateQueries({ queryKey: ['training'] });
    },
  });
}

export function useCurricula(enabled = true) {
  return useQuery({
    queryKey: ['training', 'curricula'],
    queryFn: () => http.get<Items<Curriculum>>('/training/curricula'),
    enabled,
  });
}

export function useUpdateCurriculum() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ role, courseIds, reason }: { role: string; courseIds: string[]; reason: string }) =>
      http.put<Curriculum>(`/training/curricula/${enc(role)}`, { courseIds, reason }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['training'] }),
  });
}
