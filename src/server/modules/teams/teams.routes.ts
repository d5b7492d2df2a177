import { Type } from 'typebox';
import { ErrorResponse, errorResponses, IsoDate } from '../../../contracts/common.js';
import { JobState } from '../../../contracts/jobs.js';
import { ImportQuery, SummaryQuery, SummaryResponse, XlsxFile } from '../../../contracts/registry.js';
import {
  CreateMemberBody,
  CreateTeamBody,
  DissolveTeamBody,
  LeaveBody,
  MemberDetail,
  MemberExportQuery,
  MemberList,
  MemberParams,
  MemberRatingParams,
  MemberSearchQuery,
  RatingBody,
  RatingSheet,
  RatingSheetBody,
  RatingYearParams,
  TeamDetail,
  TeamExportQuery,
  TeamIdParams,
  TeamList,
  TeamListQuery,
  TeamMemberListQuery,
  TrainingBody,
  TrainingParams,
  UpdateMemberBody,
  UpdateTeamBody,
} from '../../../contracts/teams.js';
import type { AppDeps } from '../../app.js';
import { requireActor } from '../../http/auth.js';
import type { Api } from '../../http/types.js';
import { readUploadedFile } from '../../http/upload.js';
import { attachmentHeader, XLSX_MIME } from '../../registry/xlsx.js';
import { startJob } from '../jobs/jobs.service.js';
import { exportMembers, exportTeams } from './teams.export.js';
import { buildTeamsTemplate, runTeamsImport } from './teams.import.js';
import * as teams from './teams.service.js';

const tags = ['Tổ, đội, ban và thành viên'];
const errors = { ...errorResponses, 401: ErrorResponse, 403: ErrorResponse };
const changeErrors = { ...errors, 409: ErrorResponse };
export const TEAMS_IMPORT_JOB = 'teams.import';

export async function teamsRoutes(api: Api, deps: AppDeps): Promise<void> {
  const db = deps.database.db;
  deps.jobs.register(TEAMS_IMPORT_JOB, (job) =>
    runTeamsImport(db, job.actor, job.input!, { dryRun: job.params.dryRun === true }, job.progress),
  );

  api.get(
    '/teams',
    {
      config: { permission: 'registry.read' },
      schema: {
        tags,
        summary: 'Danh sách tổ, đội, ban: lọc theo đơn vị, loại, trạng thái, ngày; tìm không dấu; sắp xếp',
        querystring: TeamListQuery,
        response: { 200: TeamList, ...errors },
      },
    },
    (request) => teams.listTeams(db, requireActor(request), request.query),
  );

  api.get(
    '/teams/summary',
    {
      config: { permission: 'registry.read' },
      schema: {
        tags,
        summary:
          'Số tổ theo loại, thành viên theo chức danh: của đơn vị và từng đơn vị trực thuộc, tại một ngày',
        querystring: SummaryQuery,
        response: { 200: SummaryResponse, ...errors },
      },
    },
    (request) => teams.teamsSummary(db, requireActor(request), request.query),
  );

  api.get(
    '/teams/export',
    {
      config: { permission: 'registry.read' },
      schema: {
        tags,
        summary: 'Xuất Excel danh sách tổ (theo bộ lọc đang xem) và thành viên của các tổ đó',
        querystring: TeamExportQuery,
        response: { 200: XlsxFile, ...errors },
      },
    },
    async (request, reply) => {
      const { fileName, stream } = await exportTeams(db, requireActor(request), request.query);
      return reply.type(XLSX_MIME).header('content-disposition', attachmentHeader(fileName)).send(stream);
    },
  );

  api.get(
    '/teams/import/template',
    {
      config: { permission: 'registry.write' },
      schema: {
        tags,
        summary: 'Tệp Excel mẫu để nhập tổ và thành viên (danh sách chọn, hướng dẫn)',
        response: { 200: XlsxFile, ...errors },
      },
    },
    async (request, reply) => {
      const file = await buildTeamsTemplate(db, requireActor(request));
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachmentHeader('Mẫu nhập tổ, đội, ban.xlsx'))
        .send(file);
    },
  );

  api.post(
    '/teams/import',
    {
      config: { permission: 'registry.write' },
      schema: {
        tags,
        summary:
          'Nhập Excel tổ và thành viên (multipart, trường "file"): kiểm tra mọi dòng trước, có lỗi thì không ghi gì. ' +
          'Trả 200 khi đã xong, 202 khi tệp lớn còn đang xử lý (theo dõi ở GET /api/jobs/:id)',
        consumes: ['multipart/form-data'],
        querystring: ImportQuery,
        response: { 200: JobState, 202: JobState, 413: ErrorResponse, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const file = await readUploadedFile(request);
      const state = await startJob(
        db,
        deps.jobs,
        actor,
        TEAMS_IMPORT_JOB,
        { dryRun: request.query.dryRun === true },
        file,
      );
      return reply.status(state.status === 'succeeded' || state.status === 'failed' ? 200 : 202).send(state);
    },
  );

  api.get(
    '/teams/members',
    {
      config: { permission: 'registry.read' },
      schema: {
        tags,
        summary: 'Tìm thành viên trong mọi tổ thuộc phạm vi (họ tên không dấu, chức danh, loại tổ, đơn vị)',
        querystring: MemberSearchQuery,
        response: { 200: MemberList, ...errors },
      },
    },
    (request) => teams.searchMembers(db, requireActor(request), request.query),
  );

  api.get(
    '/teams/members/export',
    {
      config: { permission: 'registry.read' },
      schema: {
        tags,
        summary: 'Xuất Excel kết quả tìm thành viên (theo bộ lọc đang xem)',
        querystring: MemberExportQuery,
        response: { 200: XlsxFile, ...errors },
      },
    },
    async (request, reply) => {
      const { fileName, stream } = await exportMembers(db, requireActor(request), request.query);
      return reply.type(XLSX_MIME).header('content-disposition', attachmentHeader(fileName)).send(stream);
    },
  );

  api.get(
    '/teams/:id',
    {
      config: { permission: 'registry.read' },
      schema: {
        tags,
        summary: 'Chi tiết tổ: số thành viên theo chức danh, lịch sử thay đổi',
        params: TeamIdParams,
        querystring: Type.Object({ asOf: Type.Optional(IsoDate) }, { additionalProperties: false }),
        response: { 200: TeamDetail, ...errors },
      },
    },
    (request) => teams.getTeam(db, requireActor(request), request.params.id, request.query.asOf),
  );

  api.post(
    '/teams',
    {
      config: { permission: 'registry.write' },
      schema: {
        tags,
        summary: 'Thành lập (ghi nhận) tổ, đội, ban',
        body: CreateTeamBody,
        response: { 201: TeamDetail, ...changeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await teams.createTeam(db, requireActor(request), request.body)),
  );

  api.patch(
    '/teams/:id',
    {
      config: { permission: 'registry.write' },
      schema: {
        tags,
        summary: 'Sửa thông tin tổ (tên, loại, đơn vị, quyết định thành lập, ghi chú)',
        params: TeamIdParams,
        body: UpdateTeamBody,
        response: { 200: TeamDetail, ...changeErrors },
      },
    },
    (request) => teams.updateTeam(db, requireActor(request), request.params.id, request.body),
  );

  api.post(
    '/teams/:id/dissolve',
    {
      config: { permission: 'registry.write' },
      schema: {
        tags,
        summary: 'Giải thể tổ (các thành viên thôi từ ngày giải thể)',
        params: TeamIdParams,
        body: DissolveTeamBody,
        response: { 200: TeamDetail, ...changeErrors },
      },
    },
    (request) => teams.dissolveTeam(db, requireActor(request), request.params.id, request.body),
  );

  // ---- members ---------------------------------------------------------------------------------------------------

  api.get(
    '/teams/:id/members',
    {
      config: { permission: 'registry.read' },
      schema: {
        tags,
        summary: 'Thành viên của tổ (mặc định sắp theo chức danh), kèm xếp loại các năm',
        params: TeamIdParams,
        querystring: TeamMemberListQuery,
        response: { 200: MemberList, ...errors },
      },
    },
    (request) => teams.listTeamMembers(db, requireActor(request), request.params.id, request.query),
  );

  api.post(
    '/teams/:id/members',
    {
      config: { permission: 'registry.write' },
      schema: {
        tags,
        summary: 'Thêm thành viên (kiểm tra tuổi 18–70, cư trú từ 1 năm, chức danh)',
        params: TeamIdParams,
        body: CreateMemberBody,
        response: { 201: MemberDetail, ...changeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await teams.addMember(db, requireActor(request), request.params.id, request.body)),
  );

  api.get(
    '/teams/:id/members/:memberId',
    {
      config: { permission: 'registry.read' },
      schema: {
        tags,
        summary: 'Chi tiết thành viên: tập huấn, xếp loại, lịch sử thay đổi',
        params: MemberParams,
        response: { 200: MemberDetail, ...errors },
      },
    },
    (request) => teams.getMember(db, requireActor(request), request.params.id, request.params.memberId),
  );

  api.patch(
    '/teams/:id/members/:memberId',
    {
      config: { permission: 'registry.write' },
      schema: {
        tags,
        summary: 'Sửa thông tin thành viên',
        params: MemberParams,
        body: UpdateMemberBody,
        response: { 200: MemberDetail, ...changeErrors },
      },
    },
    (request) =>
      teams.updateMember(db, requireActor(request), request.params.id, request.params.memberId, request.body),
  );

  api.post(
    '/teams/:id/members/:memberId/leave',
    {
      config: { permission: 'registry.write' },
      schema: {
        tags,
        summary: 'Cho thành viên thôi tham gia tổ',
        params: MemberParams,
        body: LeaveBody,
        response: { 200: MemberDetail, ...changeErrors },
      },
    },
    (request) =>
      teams.endMembership(
        db,
        requireActor(request),
        request.params.id,
        request.params.memberId,
        request.body,
      ),
  );

  api.post(
    '/teams/:id/members/:memberId/trainings',
    {
      config: { permission: 'registry.write' },
      schema: {
        tags,
        summary: 'Ghi một lớp tập huấn, bồi dưỡng của thành viên',
        params: MemberParams,
        body: TrainingBody,
        response: { 201: MemberDetail, ...changeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await teams.addTraining(
            db,
            requireActor(request),
            request.params.id,
            request.params.memberId,
            request.body,
          ),
        ),
  );

  api.delete(
    '/teams/:id/members/:memberId/trainings/:trainingId',
    {
      config: { permission: 'registry.write' },
      schema: {
        tags,
        summary: 'Xóa một lớp tập huấn ghi nhầm',
        params: TrainingParams,
        response: { 200: MemberDetail, ...changeErrors },
      },
    },
    (request) =>
      teams.removeTraining(
        db,
        requireActor(request),
        request.params.id,
        request.params.memberId,
        request.params.trainingId,
      ),
  );

  // ---- ratings ------------------------------------------------------------------------------------------------

  api.get(
    '/teams/:id/ratings/:year',
    {
      config: { permission: 'registry.read' },
      schema: {
        tags,
        summary:
          'Bảng xếp loại thành viên của tổ trong năm (kỳ 15/11 – 14/11): ai được xếp loại, giới hạn "xuất sắc"',
        params: RatingYearParams,
        response: { 200: RatingSheet, ...errors },
      },
    },
    (request) => teams.getRatingSheet(db, requireActor(request), request.params.id, request.params.year),
  );

  api.put(
    '/teams/:id/ratings/:year',
    {
      config: { permission: 'registry.write' },
      schema: {
        tags,
        summary: 'Xếp loại nhiều thành viên một lần (kiểm tra chung giới hạn 20% "xuất sắc" trên số "tốt")',
        params: RatingYearParams,
        body: RatingSheetBody,
        response: { 200: RatingSheet, ...changeErrors },
      },
    },
    (request) =>
      teams.rateTeam(db, requireActor(request), request.params.id, request.params.year, request.body),
  );

  api.put(
    '/teams/:id/members/:memberId/ratings/:year',
    {
      config: { permission: 'registry.write' },
      schema: {
        tags,
        summary: 'Xếp loại một thành viên trong năm (không xếp loại nếu dưới 9 tháng công tác trong kỳ)',
        params: MemberRatingParams,
        body: RatingBody,
        response: { 200: RatingSheet, ...changeErrors },
      },
    },
    (request) =>
      teams.rateMember(
        db,
        requireActor(request),
        request.params.id,
        request.params.memberId,
        request.params.year,
        request.body,
      ),
  );

  api.delete(
    '/teams/:id/members/:memberId/ratings/:year',
    {
      config: { permission: 'registry.write' },
      schema: {
        tags,
        summary: 'Bỏ xếp loại của thành viên trong năm',
        params: MemberRatingParams,
        response: { 200: RatingSheet, ...changeErrors },
      },
    },
    (request) =>
      teams.rateMember(
        db,
        requireActor(request),
        request.params.id,
        request.params.memberId,
        request.params.year,
        null,
      ),
  );
}
