/**
 * Helpers for the safety-standard tests: users at any unit (by id, for local units that have no official code),
 * and a self-assessment that meets every criterion, with evidence and a meeting record.
 */
import { randomBytes } from 'node:crypto';
import type { RecordDetail } from '../../src/contracts/recognition.js';
import type { RoleId } from '../../src/domain/roles.js';
import { systemActor } from '../../src/server/context.js';
import type { Database } from '../../src/server/db/client.js';
import { createUser } from '../../src/server/modules/accounts/accounts.service.js';
import type { TestApp } from './app.js';
import { type SignedIn, signIn, TEST_PASSWORD } from './users.js';

export async function userAt(
  app: TestApp,
  db: Database,
  role: RoleId,
  unitId: number | null,
): Promise<SignedIn> {
  const username = `${role}-${randomBytes(4).toString('hex')}`;
  await createUser(db, systemActor('kiểm thử'), {
    username,
    fullName: `Người kiểm thử ${role}`,
    role,
    unitId,
    password: TEST_PASSWORD,
  });
  return signIn(app, username);
}

export async function expectOk(
  response: { statusCode: number; body: string },
  status = 200,
): Promise<RecordDetail> {
  if (response.statusCode !== status)
    throw new Error(`expected ${status}, got ${response.statusCode}: ${response.body}`);
  return JSON.parse(response.body) as RecordDetail;
}

/** Answers every answerable criterion as met ("none occurred" for the events), with the given exceptions. */
export function allMet(
  record: RecordDetail,
  override: (criterion: RecordDetail['criteria'][number]) => Record<string, unknown> | undefined = () =>
    undefined,
) {
  return {
    answers: record.criteria
      .filter((criterion) => criterion.kind !== 'computed')
      .map((criterion) => ({
        criterionId: criterion.id,
        ...(criterion.kind === 'number_threshold'
          ? { value: criterion.threshold?.value ?? 100 }
          : { met: true, occurredEvents: [] }),
        ...override(criterion),
      })),
  };
}

/** Registers (when needed), self-assesses everything as met, adds evidence, records the meeting and submits. */
export async function registerAndSubmit(
  user: SignedIn,
  unitId: number,
  year: number,
  override?: Parameters<typeof allMet>[1],
): Promise<RecordDetail> {
  const record = await expectOk(
    await user.request('POST', '/api/recognition/records', {
      unitId,
      year,
      registeredOn: `${year}-02-10`,
      resolutionRef: 'Nghị quyết số 01-NQ/CB ngày 05/01',
      householdsTotal: 120,
      householdsRegistered: 120,
    }),
    201,
  );
  await fillAndSubmit(user, record, override);
  return expectOk(await user.request('GET', `/api/recognition/records/${record.id}`));
}

export async function fillAndSubmit(
  user: SignedIn,
  record: RecordDetail,
  override?: Parameters<typeof allMet>[1],
): Promise<void> {
  await expectOk(
    await user.request('PUT', `/api/recognition/records/${record.id}/answers`, allMet(record, override)),
  );
  for (const criterion of record.criteria.filter((entry) => entry.evidenceRequired)) {
    if (record.evidence.some((entry) => entry.criterionId === criterion.id)) continue;
    await expectOk(
      await user.request('POST', `/api/recognition/records/${record.id}/evidence`, {
        criterionId: criterion.id,
        kind: 'document',
        description: `Văn bản minh chứng tiêu chí ${criterion.code}`,
      }),
      201,
    );
  }
  await expectOk(
    await user.request('PUT', `/api/recognition/records/${record.id}/meeting`, {
      meetingDate: `${record.year}-10-20`,
      meetingChair: 'Nguyễn Văn Chủ Trì',
      meetingAttendees: 35,
      meetingMinutes: 'Hội nghị thống nhất tự đánh giá đạt các tiêu chí, đề nghị công nhận.',
    }),
  );
  await expectOk(await user.request('POST', `/api/recognition/records/${record.id}/submit`));
}

export const DECISION = {
  decisionNumber: '125/QĐ-UBND',
  decisionSigner: 'Trần Văn Ký',
  decisionSignerTitle: 'Chủ tịch',
};

/** A small PDF attached to a record through the attachments module (multipart, as the browser sends it). */
export function uploadPdf(
  app: TestApp,
  user: SignedIn,
  entityType: 'recognition_record' | 'classification_record',
  entityId: number,
  fileName = 'bien-ban-kiem-tra.pdf',
) {
  const boundary = `----antq${randomBytes(8).toString('hex')}`;
  const pdf = Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  );
  return app.inject({
    method: 'POST',
    url: `/api/attachments?entityType=${entityType}&entityId=${entityId}`,
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      pdf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: user.cookie,
      'x-csrf-token': user.csrfToken,
    },
  });
}
