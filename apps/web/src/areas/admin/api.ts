import {
  brandsControllerCreate,
  brandsControllerList,
  passwordResetControllerRequest,
  usersControllerCreate,
  usersControllerList,
  usersControllerUpdate,
} from '../../api/generated';
import type {
  BrandPageDto,
  BrandResponseDto,
  CreateBrandDto,
  CreateUserDto,
  UserPageDto,
  UserResponseDto,
  UsersControllerListData,
} from '../../api/generated';

export type AdminUser = UserResponseDto;
export type Brand = BrandResponseDto;
export type UsersQuery = NonNullable<UsersControllerListData['query']>;

/** The admin pages' calls (the SDK in the app, a fake in the tests). */
export interface AdminApi {
  listUsers(query: UsersQuery): Promise<UserPageDto>;
  createUser(body: CreateUserDto): Promise<AdminUser>;
  setStatus(id: string, status: 'active' | 'disabled'): Promise<AdminUser>;
  sendReset(email: string): Promise<void>;
  listBrands(cursor?: string): Promise<BrandPageDto>;
  createBrand(body: CreateBrandDto): Promise<Brand>;
}

export const sdkAdminApi: AdminApi = {
  listUsers: async (query) => (await usersControllerList({ query, throwOnError: true })).data,
  createUser: async (body) => (await usersControllerCreate({ body, throwOnError: true })).data as AdminUser,
  setStatus: async (id, status) => (await usersControllerUpdate({ path: { id }, body: { status }, throwOnError: true })).data as AdminUser,
  sendReset: async (email) => {
    await passwordResetControllerRequest({ body: { email }, throwOnError: true });
  },
  listBrands: async (cursor) => (await brandsControllerList({ query: { limit: 100, cursor }, throwOnError: true })).data,
  createBrand: async (body) => (await brandsControllerCreate({ body, throwOnError: true })).data as Brand,
};

import { type UserFilters } from '../../routes/admin/-filters';

export { USER_ROLES, USER_STATUSES, userFiltersOf, type UserFilters } from '../../routes/admin/-filters';
export const PAGE_SIZE = 25;

export const adminKeys = {
  all: ['admin'] as const,
  users: (filters: UserFilters) => ['admin', 'users', filters] as const,
  brands: ['admin', 'brands'] as const,
};

/** The GET /users query for the filters and a page's cursor: only the filters that are set. */
export function usersQueryOf(filters: UserFilters, cursor?: string): UsersQuery {
  const query: UsersQuery = { limit: PAGE_SIZE };
  if (filters.role) query.role = filters.role;
  if (filters.brandId) query.brandId = filters.brandId;
  if (filters.status) query.status = filters.status;
  if (filters.q) query.q = filters.q;
  if (cursor) query.cursor = cursor;
  return query;
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_!';

/** A strong temporary password (20 characters from a 59-letter alphabet: ~117 bits). */
export function generatePassword(length = 20): string {
  const bytes = new Uint32Array(length);
  crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}
