import { AuditList, AuditQuery } from '../../../contracts/audit.js';
import { ErrorResponse, errorResponses } from '../../../contracts/common.js';
import type { AppDeps } from '../../app.js';
import { requireActor } from '../../http/auth.js';
import type { Api } from '../../http/types.js';
import { searchAudit } from './audit.service.js';

export async function auditRoutes(api: Api, { database }: AppDeps): Promise<void> {
  api.get(
    '/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['Nhật ký hệ thống'],
        summary: 'Tìm trong nhật ký: theo người thực hiện, đối tượng, hành động, ngày',
        querystring: AuditQuery,
        response: { 200: AuditList, ...errorResponses, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => searchAudit(database.db, requireActor(request), request.query),
  );
}
