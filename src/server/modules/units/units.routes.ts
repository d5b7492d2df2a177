import { ErrorResponse, errorResponses } from '../../../contracts/common.js';
import {
  UnitChildrenQuery,
  UnitDetail,
  UnitDetailQuery,
  UnitIdParams,
  UnitList,
  UnitListQuery,
  UnitRootsQuery,
} from '../../../contracts/units.js';
import type { AppDeps } from '../../app.js';
import { requireActor } from '../../http/auth.js';
import type { Api } from '../../http/types.js';
import * as service from './units.service.js';

const tags = ['Đơn vị hành chính'];
const errors = { ...errorResponses, 401: ErrorResponse, 403: ErrorResponse };

export async function unitsRoutes(api: Api, { database }: AppDeps): Promise<void> {
  api.get(
    '/units',
    {
      config: { permission: 'units.read' },
      schema: {
        tags,
        summary: 'Danh sách đơn vị tại một ngày, lọc theo loại, cấp trên, tìm không dấu',
        querystring: UnitListQuery,
        response: { 200: UnitList, ...errors },
      },
    },
    (request) => service.listUnits(database.db, request.query, requireActor(request).scope),
  );

  api.get(
    '/units/roots',
    {
      config: { permission: 'units.read' },
      schema: {
        tags,
        summary: 'Gốc cây đơn vị trong phạm vi của người dùng tại một ngày (toàn quốc: các tỉnh)',
        querystring: UnitRootsQuery,
        response: { 200: UnitList, ...errors },
      },
    },
    (request) => service.listRoots(database.db, request.query, requireActor(request).scope),
  );

  api.get(
    '/units/:id',
    {
      config: { permission: 'units.read' },
      schema: {
        tags,
        summary: 'Chi tiết đơn vị: cấp trên, số đơn vị trực thuộc, các phiên bản, sáp nhập từ / nay thuộc',
        params: UnitIdParams,
        querystring: UnitDetailQuery,
        response: { 200: UnitDetail, ...errors },
      },
    },
    (request) =>
      service.getUnit(database.db, request.params.id, request.query.asOf, requireActor(request).scope),
  );

  api.get(
    '/units/:id/children',
    {
      config: { permission: 'units.read' },
      schema: {
        tags,
        summary: 'Các đơn vị trực thuộc tại một ngày',
        params: UnitIdParams,
        querystring: UnitChildrenQuery,
        response: { 200: UnitList, ...errors },
      },
    },
    (request) =>
      service.listChildren(database.db, request.params.id, request.query, requireActor(request).scope),
  );
}
