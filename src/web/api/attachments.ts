/** Files attached to any record (src/contracts/attachments.ts): listed, uploaded, removed; served only in scope. */
import { queryOptions } from '@tanstack/react-query';
import type { Attachment, AttachmentEntityType, AttachmentList } from '../../contracts/attachments';
import { apiGet, apiSend, apiUpload } from './client';

export type { Attachment, AttachmentEntityType } from '../../contracts/attachments';

export const attachmentQueries = {
  list: (entityType: AttachmentEntityType, entityId: number) =>
    queryOptions({
      queryKey: ['attachments', entityType, entityId],
      queryFn: ({ signal }) => apiGet<AttachmentList>('/api/attachments', { entityType, entityId }, signal),
    }),
};

export const uploadAttachment = (
  entityType: AttachmentEntityType,
  entityId: number,
  file: File,
  caption?: string,
) =>
  apiUpload<Attachment>('/api/attachments', file, file.name, {
    entityType,
    entityId,
    ...(caption ? { caption } : {}),
  });

export const removeAttachment = (id: string) => apiSend<null>('DELETE', `/api/attachments/${id}`);

/** The image itself, shown in the page rather than downloaded. */
export const inlineUrl = (attachment: Attachment) => `${attachment.url}?inline=true`;
