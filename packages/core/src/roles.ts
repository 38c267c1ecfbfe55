/** The roles of the center (shared by server and web so both name them the same way). */
export const ROLES = [
  'admin',
  'director',
  'coordinator',
  'physician',
  'nurse',
  'operator',
  'qc_analyst',
  'qa',
  'qp',
  'trainer',
  'trainee',
  'researcher',
  'partner',
] as const;
export type Role = (typeof ROLES)[number];
