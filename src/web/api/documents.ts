/** Directive documents, their links and the unit plans implementing them (src/contracts/documents.ts). */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type {
  CreateDocumentBody,
  DocumentDetail,
  DocumentExportQuery,
  DocumentList,
  DocumentListQuery,
  DocumentPlans,
  UpdateDocumentBody,
} from '../../contracts/documents';
import type { DeleteRecordBody } from '../../contracts/registry';
import { apiGet, apiSend, buildUrl } from './client';

export type {
  CreateDocumentBody,
  DocumentDetail,
  DocumentItem,
  DocumentList,
  DocumentListQuery,
  DocumentPlans,
  DocumentRef,
  UpdateDocumentBody,
} from '../../contracts/documents';

export const documentQueries = {
  all: ['documents'] as const,
  list: (query: DocumentListQuery) =>
    queryOptions({
      queryKey: ['documents', 'list', query],
      queryFn: ({ signal }) => apiGet<DocumentList>('/api/documents', { ...query }, signal),
      placeholderData: keepPreviousData,
    }),
  detail: (id: number) =>
    queryOptions({
      queryKey: ['documents', 'detail', id],
      queryFn: ({ signal }) => apiGet<DocumentDetail>(`/api/documents/${id}`, {}, signal),
    }),
  plans: (id: number, unit: number | undefined) =>
    queryOptions({
      queryKey: ['documents', 'plans', id, unit],
      queryFn: ({ signal }) => apiGet<DocumentPlans>(`/api/documents/${id}/plans`, { unit }, signal),
    }),
};

export function documentsExportUrl(query: DocumentExportQuery): string {
  return buildUrl('/api/documents/export', { ...query });
}

export const createDocument = (body: CreateDocumentBody) =>
  apiSend<DocumentDetail>('POST', '/api/documents', body);
export const updateDocument = (id: number, body: UpdateDocumentBody) =>
  apiSend<DocumentDetail>('PATCH', `/api/documents/${id}`, body);

export const DOCUMENTS_TEMPLATE_URL = '/api/documents/import/template';
export const deleteDocument = (id: number, body: DeleteRecordBody) =>
  apiSend<null>('DELETE', `/api/documents/${id}`, body);
