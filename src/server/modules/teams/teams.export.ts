/** Excel export of the team list as filtered on screen, with the members of those teams on a second sheet. */
import type { Readable } from 'node:stream';
import type { MemberExportQuery, TeamExportQuery } from '../../../contracts/teams.js';
import { formatDateVi, todayInVietnam } from '../../../domain/dates.js';
import {
  GENDER_LABELS,
  MEMBER_RATING_LABELS,
  MEMBER_ROLE_LABELS,
  memberRoleLabel,
  TEAM_KIND_INFO,
  TEAM_KIND_LABELS,
  TEAM_STATUS_LABELS,
} from '../../../domain/teams.js';
import type { Actor } from '../../context.js';
import type { Database } from '../../db/client.js';
import { filterLine, numberedPages, rangePhrase, unitPhrase } from '../../registry/export.js';
import { checkRange, searchTerm, unitFilterScope } from '../../registry/list.js';
import { toRecordUnit } from '../../registry/units.js';
import { type ExportColumn, streamWorkbook } from '../../registry/xlsx.js';
import * as repo from './teams.repo.js';

type MemberRow = repo.MemberListRow & { index: number };

const MEMBER_EXPORT_COLUMNS: ReadonlyArray<ExportColumn<MemberRow>> = [
  { header: 'STT', width: 6, value: (row: repo.MemberListRow & { index: number }) => row.index },
  { header: 'Họ và tên', width: 26, value: (row: repo.MemberListRow) => row.fullName },
  {
    header: 'Năm sinh',
    width: 10,
    format: 'integer',
    value: (row: repo.MemberListRow) => row.birthYear,
  },
  {
    header: 'Giới tính',
    width: 9,
    value: (row: repo.MemberListRow) => (row.gender ? GENDER_LABELS[row.gender] : null),
  },
  { header: 'Số điện thoại', width: 14, value: (row: repo.MemberListRow) => row.phone },
  {
    header: 'Chức danh',
    width: 14,
    value: (row: repo.MemberListRow) => memberRoleLabel(row.team.kind, row.role),
  },
  { header: 'Tổ, đội, ban', width: 32, value: (row: repo.MemberListRow) => row.team.name },
  {
    header: 'Đơn vị',
    width: 26,
    value: (row: repo.MemberListRow) => toRecordUnit(row.unit).fullName,
  },
  {
    header: 'Ngày tham gia',
    width: 14,
    format: 'date',
    value: (row: repo.MemberListRow) => row.joinedOn,
  },
  { header: 'Ngày thôi', width: 14, format: 'date', value: (row: repo.MemberListRow) => row.leftOn },
  {
    header: 'Cư trú từ',
    width: 14,
    format: 'date',
    value: (row: repo.MemberListRow) => row.residenceSince,
  },
  {
    header: 'Số quyết định công nhận',
    width: 18,
    value: (row: repo.MemberListRow) => row.recognitionDecisionNumber,
  },
  {
    header: 'Ngày quyết định công nhận',
    width: 14,
    format: 'date',
    value: (row: repo.MemberListRow) => row.recognitionDecisionDate,
  },
  {
    header: 'Số thẻ thành viên',
    width: 14,
    value: (row: repo.MemberListRow) => row.certificateNumber,
  },
  {
    header: 'Xếp loại gần nhất',
    width: 30,
    value: (row: repo.MemberListRow) => {
      const latest = row.ratings[0];
      return latest ? `${latest.year}: ${MEMBER_RATING_LABELS[latest.rating]}` : null;
    },
  },
  { header: 'Ghi chú', width: 30, value: (row: repo.MemberListRow) => row.notes },
];

export async function exportTeams(
  db: Database,
  actor: Actor,
  query: TeamExportQuery,
): Promise<{ fileName: string; stream: Readable }> {
  const today = todayInVietnam();
  const date = query.asOf ?? today;
  checkRange(query.from, query.to);
  const filter: repo.TeamFilter = {
    scope: actor.scope,
    unitScope: await unitFilterScope(db, actor.scope, query.unit),
    kinds: query.kind,
    status: query.status,
    date,
    existingOn: query.status === undefined ? query.asOf : undefined,
    from: query.from,
    to: query.to,
    search: searchTerm(query.q),
  };
  const line = filterLine([
    await unitPhrase(db, actor, query.unit),
    query.kind?.length ? `Loại: ${query.kind.map((kind) => TEAM_KIND_LABELS[kind]).join(', ')}` : null,
    query.status ? `Trạng thái: ${TEAM_STATUS_LABELS[query.status]}` : null,
    query.q ? `Tìm: "${query.q}"` : null,
    rangePhrase('Thành lập', query.from, query.to),
    `Tại ngày ${formatDateVi(date)}`,
  ]);
  const stream = streamWorkbook({
    title: 'DANH SÁCH TỔ, ĐỘI, BAN THAM GIA BẢO VỆ AN NINH, TRẬT TỰ',
    filterLine: line,
    generatedBy: actor.username,
    sheets: [
      {
        name: 'Tổ, đội, ban',
        pages: () =>
          numberedPages(
            async (limit, offset) =>
              (await repo.listTeams(db, filter, { sort: query.sort, limit, offset, today })).rows,
          ),
        columns: [
          { header: 'STT', width: 6, value: (row: repo.TeamListRow & { index: number }) => row.index },
          { header: 'Tên tổ, đội, ban', width: 36, value: (row: repo.TeamListRow) => row.name },
          { header: 'Loại', width: 30, value: (row: repo.TeamListRow) => TEAM_KIND_INFO[row.kind].label },
          { header: 'Đơn vị', width: 28, value: (row: repo.TeamListRow) => toRecordUnit(row.unit).fullName },
          { header: 'Thuộc', width: 26, value: (row: repo.TeamListRow) => toRecordUnit(row.unit).parentName },
          {
            header: 'Ngày thành lập',
            width: 14,
            format: 'date',
            value: (row: repo.TeamListRow) => row.establishedOn,
          },
          { header: 'Số quyết định', width: 18, value: (row: repo.TeamListRow) => row.decisionNumber },
          {
            header: 'Ngày quyết định',
            width: 14,
            format: 'date',
            value: (row: repo.TeamListRow) => row.decisionDate,
          },
          { header: 'Người ký', width: 20, value: (row: repo.TeamListRow) => row.decisionSigner },
          {
            header: 'Trạng thái',
            width: 16,
            value: (row: repo.TeamListRow) =>
              TEAM_STATUS_LABELS[
                row.dissolvedOn !== null && row.dissolvedOn <= date ? 'dissolved' : 'active'
              ],
          },
          {
            header: 'Ngày giải thể',
            width: 14,
            format: 'date',
            value: (row: repo.TeamListRow) => row.dissolvedOn,
          },
          {
            header: 'Số thành viên',
            width: 12,
            format: 'integer',
            value: (row: repo.TeamListRow) => row.memberCount,
          },
          { header: 'Người đứng đầu', width: 24, value: (row: repo.TeamListRow) => row.leaderName },
          { header: 'Ghi chú', width: 30, value: (row: repo.TeamListRow) => row.notes },
        ],
      },
      {
        name: 'Thành viên',
        pages: () =>
          numberedPages(
            async (limit, offset) =>
              (
                await repo.listMembers(
                  db,
                  { scope: actor.scope, teams: filter, date },
                  { sort: 'team', fallbackSort: 'team', limit, offset, today },
                )
              ).rows,
          ),
        columns: MEMBER_EXPORT_COLUMNS,
      },
    ],
  });
  return { fileName: `Danh sách tổ, đội, ban ${today}.xlsx`, stream };
}

/** Excel export of a member search (the list of people across teams), with the filter of the search. */
export async function exportMembers(
  db: Database,
  actor: Actor,
  query: MemberExportQuery,
): Promise<{ fileName: string; stream: Readable }> {
  const today = todayInVietnam();
  const date = query.asOf ?? today;
  const filter: repo.MemberFilter = {
    scope: actor.scope,
    unitScope: await unitFilterScope(db, actor.scope, query.unit),
    roles: query.role,
    teamKinds: query.teamKind,
    status: query.status,
    date,
    existingOn: query.status === undefined ? query.asOf : undefined,
    search: searchTerm(query.q),
  };
  const line = filterLine([
    await unitPhrase(db, actor, query.unit),
    query.teamKind?.length
      ? `Loại tổ: ${query.teamKind.map((kind) => TEAM_KIND_LABELS[kind]).join(', ')}`
      : null,
    query.role?.length ? `Chức danh: ${query.role.map((role) => MEMBER_ROLE_LABELS[role]).join(', ')}` : null,
    query.status ? `Trạng thái: ${query.status === 'active' ? 'đang công tác' : 'đã thôi'}` : null,
    query.q ? `Tìm: "${query.q}"` : null,
    `Tại ngày ${formatDateVi(date)}`,
  ]);
  const stream = streamWorkbook({
    title: 'DANH SÁCH THÀNH VIÊN TỔ, ĐỘI, BAN',
    filterLine: line,
    generatedBy: actor.username,
    sheets: [
      {
        name: 'Thành viên',
        pages: () =>
          numberedPages(
            async (limit, offset) =>
              (
                await repo.listMembers(db, filter, {
                  sort: query.sort,
                  fallbackSort: 'fullName',
                  limit,
                  offset,
                  today,
                })
              ).rows,
          ),
        columns: MEMBER_EXPORT_COLUMNS,
      },
    ],
  });
  return { fileName: `Danh sách thành viên ${today}.xlsx`, stream };
}
