import { errorResponses } from '../../../contracts/common.js';
import { DashboardQuery, DashboardResponse } from '../../../contracts/dashboard.js';
import type { AppDeps } from '../../app.js';
import { requireActor } from '../../http/auth.js';
import type { Api } from '../../http/types.js';
import * as dashboard from './dashboard.service.js';

const tags = ['Tổng quan'];

export async function dashboardRoutes(api: Api, { database }: AppDeps): Promise<void> {
  const db = database.db;
  api.get(
    '/dashboard',
    {
      config: { permission: 'dashboard.read' },
      schema: {
        tags,
        summary:
          'Tổng quan của một đơn vị trong một kỳ: chỉ tiêu chính và thay đổi so với kỳ trước cùng độ dài, xu hướng theo tháng (theo năm khi kỳ dài hơn 2 năm), bản đồ một chỉ tiêu theo đơn vị trực thuộc, phân loại, tiêu chuẩn "An toàn về an ninh, trật tự", việc quá hạn',
        querystring: DashboardQuery,
        response: { 200: DashboardResponse, ...errorResponses },
      },
    },
    (request) => dashboard.dashboard(db, requireActor(request), request.query),
  );
}
