export const ROLES = ['admin', 'researcher', 'brand', 'panellist'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, as the global auth guard found them. */
export interface AuthUser {
  id: string;
  email: string;
  role: Role;
  brandId: string | null;
  sessionId: string;
}
