/** The audit trail, for administrators (src/contracts/audit.ts). */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { AuditList, AuditQuery } from '../../contracts/audit';
import { apiGet } from './client';

export type { AuditEvent } from '../../contracts/audit';
export type AuditPage = Static<typeof AuditList>;
export type AuditFilter = AuditQuery;

export const auditQueries = {
  search: (filter: AuditFilter) =>
    queryOptions({
      queryKey: ['audit', filter],
      queryFn: ({ signal }) => apiGet<AuditPage>('/api/audit', { ...filter }, signal),
      placeholderData: keepPreviousData,
    }),
};
