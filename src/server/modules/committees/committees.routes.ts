import {
  CancelMeetingBody,
  CommitteeDetail,
  CommitteeIdParams,
  CommitteeList,
  CommitteeListQuery,
  MeetingBody,
  MeetingIdParams,
  UpdateMeetingBody,
} from '../../../contracts/committees.js';
import { ErrorResponse, errorResponses } from '../../../contracts/common.js';
import {
  TaskBody,
  TaskIdParams,
  TaskItem,
  TaskNoteBody,
  UpdateTaskBody,
} from '../../../contracts/programmes.js';
import { SummaryResponse } from '../../../contracts/registry.js';
import { ReintegrationSummaryQuery } from '../../../contracts/reintegration.js';
import type { AppDeps } from '../../app.js';
import { requireActor } from '../../http/auth.js';
import type { Api } from '../../http/types.js';
import { addTaskNote, updateTask } from '../programmes/programmes.service.js';
import * as committees from './committees.service.js';

const tags = ['Ban Chỉ đạo'];
const errors = { ...errorResponses, 401: ErrorResponse, 403: ErrorResponse };
const changeErrors = { ...errors, 409: ErrorResponse };

export async function committeesRoutes(api: Api, deps: AppDeps): Promise<void> {
  const db = deps.database.db;
  // The signed or scanned minutes and the photos of a meeting: read by whoever reads the committee, added by
  // whoever may record its meetings, inside the meeting's unit.
  deps.attachmentOwners.register({
    entityType: 'committee_meeting',
    label: 'cuộc họp',
    readPermission: 'programmes.read',
    writePermission: 'programmes.write',
    find: async (tx, scope, id) => {
      const meeting = await committees.findMeeting(tx, scope, id);
      return meeting ? { unitId: meeting.unitId, provinceCode: meeting.provinceCode } : undefined;
    },
  });

  api.get(
    '/committees',
    {
      config: { permission: 'programmes.read' },
      schema: {
        tags,
        summary: 'Các Ban Chỉ đạo trong phạm vi: số thành viên, số cuộc họp, tiến độ thực hiện kết luận',
        querystring: CommitteeListQuery,
        response: { 200: CommitteeList, ...errors },
      },
    },
    (request) => committees.listCommittees(db, requireActor(request), request.query),
  );

  api.get(
    '/committees/summary',
    {
      config: { permission: ['programmes.read', 'dashboard.read'] },
      schema: {
        tags,
        summary:
          'Số cuộc họp Ban Chỉ đạo trong kỳ, kết luận và nhiệm vụ chương trình phối hợp theo tiến độ: theo đơn vị',
        querystring: ReintegrationSummaryQuery,
        response: { 200: SummaryResponse, ...errors },
      },
    },
    (request) => committees.coordinationSummary(db, requireActor(request), request.query),
  );

  api.get(
    '/committees/:id',
    {
      config: { permission: 'programmes.read' },
      schema: {
        tags,
        summary: 'Ban Chỉ đạo: thành viên, các cuộc họp và kết luận được giao',
        params: CommitteeIdParams,
        response: { 200: CommitteeDetail, ...errors },
      },
    },
    (request) => committees.getCommittee(db, requireActor(request), request.params.id),
  );

  api.post(
    '/committees/:id/meetings',
    {
      config: { permission: 'programmes.write' },
      schema: {
        tags,
        summary: 'Ghi nhận cuộc họp: ngày, nội dung, biên bản, các kết luận giao nhiệm vụ',
        params: CommitteeIdParams,
        body: MeetingBody,
        response: { 200: CommitteeDetail, ...changeErrors },
      },
    },
    (request) => committees.addMeeting(db, requireActor(request), request.params.id, request.body),
  );

  api.patch(
    '/committees/meetings/:meetingId',
    {
      config: { permission: 'programmes.write' },
      schema: {
        tags,
        summary: 'Sửa cuộc họp (ngày, nội dung, chủ trì, biên bản)',
        params: MeetingIdParams,
        body: UpdateMeetingBody,
        response: { 200: CommitteeDetail, ...changeErrors },
      },
    },
    (request) => committees.updateMeeting(db, requireActor(request), request.params.meetingId, request.body),
  );

  api.post(
    '/committees/meetings/:meetingId/cancel',
    {
      config: { permission: 'programmes.write' },
      schema: {
        tags,
        summary:
          'Hủy cuộc họp ghi nhầm hoặc không họp (ghi lý do): giữ lại để tra cứu, không tính vào số liệu, kết luận không theo dõi nữa',
        params: MeetingIdParams,
        body: CancelMeetingBody,
        response: { 200: CommitteeDetail, ...changeErrors },
      },
    },
    (request) => committees.cancelMeeting(db, requireActor(request), request.params.meetingId, request.body),
  );

  api.post(
    '/committees/meetings/:meetingId/conclusions',
    {
      config: { permission: 'programmes.write' },
      schema: {
        tags,
        summary: 'Thêm kết luận giao nhiệm vụ cho cuộc họp',
        params: MeetingIdParams,
        body: TaskBody,
        response: { 200: CommitteeDetail, ...changeErrors },
      },
    },
    (request) => committees.addConclusion(db, requireActor(request), request.params.meetingId, request.body),
  );

  api.patch(
    '/committees/conclusions/:taskId',
    {
      config: { permission: 'programmes.write' },
      schema: {
        tags,
        summary: 'Cập nhật kết luận (như nhiệm vụ chương trình): trạng thái, thời hạn, cơ quan chủ trì',
        params: TaskIdParams,
        body: UpdateTaskBody,
        response: { 200: TaskItem, ...changeErrors },
      },
    },
    (request) => updateTask(db, requireActor(request), request.params.taskId, request.body),
  );

  api.post(
    '/committees/conclusions/:taskId/notes',
    {
      config: { permission: 'programmes.write' },
      schema: {
        tags,
        summary: 'Ghi tiến độ thực hiện kết luận',
        params: TaskIdParams,
        body: TaskNoteBody,
        response: { 200: TaskItem, ...changeErrors },
      },
    },
    (request) => addTaskNote(db, requireActor(request), request.params.taskId, request.body),
  );
}
