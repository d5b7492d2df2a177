import { ErrorResponse, errorResponses } from '../../../contracts/common.js';
import {
  CreateProgrammeBody,
  PlanBody,
  PlanDetail,
  PlanIdParams,
  ProgrammeDetail,
  ProgrammeIdParams,
  ProgrammeList,
  ProgressQuery,
  ProgressView,
  TaskBody,
  TaskIdParams,
  TaskItem,
  TaskNoteBody,
  UpdateProgrammeBody,
  UpdateTaskBody,
} from '../../../contracts/programmes.js';
import type { AppDeps } from '../../app.js';
import { requireActor } from '../../http/auth.js';
import type { Api } from '../../http/types.js';
import * as programmes from './programmes.service.js';

const tags = ['Chương trình phối hợp'];
const errors = { ...errorResponses, 401: ErrorResponse, 403: ErrorResponse };
const changeErrors = { ...errors, 409: ErrorResponse };

export async function programmesRoutes(api: Api, deps: AppDeps): Promise<void> {
  const db = deps.database.db;

  api.get(
    '/programmes',
    {
      config: { permission: 'programmes.read' },
      schema: {
        tags,
        summary:
          'Các chương trình phối hợp: Trung ương, của tỉnh và xã trong phạm vi hoặc cấp trên của người xem',
        response: { 200: ProgrammeList, ...errors },
      },
    },
    (request) => programmes.listProgrammes(db, requireActor(request)),
  );

  api.post(
    '/programmes',
    {
      config: { permission: 'programmes.write' },
      schema: {
        tags,
        summary:
          'Ghi nhận chương trình phối hợp: số, tên, các bên, cấp, giai đoạn, văn bản chỉ đạo thực hiện',
        body: CreateProgrammeBody,
        response: { 201: ProgrammeDetail, ...changeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await programmes.createProgramme(db, requireActor(request), request.body)),
  );

  api.get(
    '/programmes/:id',
    {
      config: { permission: 'programmes.read' },
      schema: {
        tags,
        summary: 'Chi tiết chương trình và kế hoạch thực hiện của từng đơn vị trong phạm vi, kèm tiến độ',
        params: ProgrammeIdParams,
        response: { 200: ProgrammeDetail, ...errors },
      },
    },
    (request) => programmes.getProgramme(db, requireActor(request), request.params.id),
  );

  api.patch(
    '/programmes/:id',
    {
      config: { permission: 'programmes.write' },
      schema: {
        tags,
        summary:
          'Sửa chương trình: số, tên, các bên, ngày ký, giai đoạn, văn bản chỉ đạo (chương trình của đơn vị trong phạm vi)',
        params: ProgrammeIdParams,
        body: UpdateProgrammeBody,
        response: { 200: ProgrammeDetail, ...changeErrors },
      },
    },
    (request) => programmes.updateProgramme(db, requireActor(request), request.params.id, request.body),
  );

  api.get(
    '/programmes/:id/progress',
    {
      config: { permission: 'programmes.read' },
      schema: {
        tags,
        summary:
          'Tiến độ theo năm của từng xã, phường: số nhiệm vụ đến hạn trong năm đã hoàn thành, quá hạn, đang thực hiện, chưa thực hiện',
        params: ProgrammeIdParams,
        querystring: ProgressQuery,
        response: { 200: ProgressView, ...errors },
      },
    },
    (request) => programmes.programmeProgress(db, requireActor(request), request.params.id, request.query),
  );

  api.post(
    '/programmes/:id/plans',
    {
      config: { permission: 'programmes.write' },
      schema: {
        tags,
        summary: 'Lập kế hoạch thực hiện của một đơn vị (một kế hoạch cho mỗi đơn vị và giai đoạn)',
        params: ProgrammeIdParams,
        body: PlanBody,
        response: { 201: PlanDetail, ...changeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await programmes.createPlan(db, requireActor(request), request.params.id, request.body)),
  );

  api.get(
    '/programmes/plans/:planId',
    {
      config: { permission: 'programmes.read' },
      schema: {
        tags,
        summary: 'Kế hoạch thực hiện và các nhiệm vụ của nó',
        params: PlanIdParams,
        response: { 200: PlanDetail, ...errors },
      },
    },
    (request) => programmes.getPlan(db, requireActor(request), request.params.planId),
  );

  api.post(
    '/programmes/plans/:planId/tasks',
    {
      config: { permission: 'programmes.write' },
      schema: {
        tags,
        summary: 'Thêm nhiệm vụ: nội dung, cơ quan chủ trì, thời hạn',
        params: PlanIdParams,
        body: TaskBody,
        response: { 200: PlanDetail, ...changeErrors },
      },
    },
    (request) => programmes.addPlanTask(db, requireActor(request), request.params.planId, request.body),
  );

  api.patch(
    '/programmes/tasks/:taskId',
    {
      config: { permission: 'programmes.write' },
      schema: {
        tags,
        summary: 'Sửa nhiệm vụ hoặc cập nhật trạng thái (chưa thực hiện, đang thực hiện, đã hoàn thành)',
        params: TaskIdParams,
        body: UpdateTaskBody,
        response: { 200: TaskItem, ...changeErrors },
      },
    },
    (request) => programmes.updateTask(db, requireActor(request), request.params.taskId, request.body),
  );

  api.post(
    '/programmes/tasks/:taskId/notes',
    {
      config: { permission: 'programmes.write' },
      schema: {
        tags,
        summary: 'Ghi tiến độ thực hiện nhiệm vụ',
        params: TaskIdParams,
        body: TaskNoteBody,
        response: { 200: TaskItem, ...changeErrors },
      },
    },
    (request) => programmes.addTaskNote(db, requireActor(request), request.params.taskId, request.body),
  );
}
