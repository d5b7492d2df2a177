/** User management within the manager's scope (src/contracts/accounts.ts). */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  CreatedUser,
  CreateUserBody,
  UpdateUserBody,
  UserItem,
  UserList,
} from '../../contracts/accounts';
import type { RoleId } from '../../domain/roles';
import { apiGet, apiSend } from './client';

export type { CreateUserBody, UpdateUserBody, UserItem } from '../../contracts/accounts';
export type UserPage = Static<typeof UserList>;
export type CreatedUserAnswer = Static<typeof CreatedUser>;

export interface UserListParams {
  q?: string | undefined;
  role?: RoleId | undefined;
  active?: boolean | undefined;
  page: number;
  pageSize: number;
}

export const userQueries = {
  all: ['users'] as const,
  list: (params: UserListParams) =>
    queryOptions({
      queryKey: ['users', 'list', params],
      queryFn: ({ signal }) => apiGet<UserPage>('/api/users', { ...params }, signal),
      // The table keeps the rows it shows while the next page or filter loads, instead of flashing empty.
      placeholderData: keepPreviousData,
    }),
};

export function createUser(body: CreateUserBody): Promise<CreatedUserAnswer> {
  return apiSend<CreatedUserAnswer>('POST', '/api/users', body);
}

export function updateUser(id: number, body: UpdateUserBody): Promise<UserItem> {
  return apiSend<UserItem>('PATCH', `/api/users/${id}`, body);
}

export function resetUserPassword(id: number): Promise<{ oneTimePassword: string }> {
  return apiSend<{ oneTimePassword: string }>('POST', `/api/users/${id}/reset-password`);
}

export function unlockUser(id: number): Promise<UserItem> {
  return apiSend<UserItem>('POST', `/api/users/${id}/unlock`);
}
