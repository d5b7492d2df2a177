/**
 * One attachment mechanism for every module. A module that owns records registers an AttachmentOwner: which
 * permissions read and change its files, how to find one of its records inside a reader's scope, and whether its
 * files are encrypted at rest. Every read and change goes through the owner, so a file is served only to someone
 * who may see its record; to anyone else it does not exist (404), whatever id they try.
 */
import type { Attachment, AttachmentEntityType } from '../../../contracts/attachments.js';
import { AppError, conflict, notFound } from '../../../domain/errors.js';
import { hasPermission, type Permission } from '../../../domain/roles.js';
import type { Actor } from '../../context.js';
import type { Database } from '../../db/client.js';
import type { Scope } from '../../db/scope.js';
import { inTransaction } from '../../db/transaction.js';
import type { FileService, StoredFile } from '../../lib/files/file-service.js';
import { newFileId } from '../../lib/files/file-store.js';
import { recordAudit, recordSensitiveRead } from '../audit/audit.service.js';
import * as repo from './attachments.repo.js';

export interface OwnerRecord {
  /** The record's unit; null for a central record (a Party directive) that every reader of the kind may see. */
  unitId: number | null;
  provinceCode: string | null;
  /** Why the record's files cannot change now (a submitted or decided dossier); null or absent when they can. */
  locked?: string | null;
}

export interface AttachmentOwner {
  entityType: AttachmentEntityType;
  /** What the files are, in Vietnamese, for messages ("hoạt động"). */
  label: string;
  readPermission: Permission;
  writePermission: Permission;
  /** The record when it exists inside the scope; undefined otherwise (both answer 404). */
  find(db: Database, scope: Scope, entityId: number): Promise<OwnerRecord | undefined>;
  /** Files of sensitive records are encrypted at rest, and every download is written to the audit trail. */
  sensitive?: boolean;
  /** Called in the removal's transaction, so the owner can drop its own references to the file. */
  onRemove?(db: Database, entityId: number, attachmentRowId: number): Promise<void>;
}

export class AttachmentOwners {
  private readonly owners = new Map<string, AttachmentOwner>();

  register(owner: AttachmentOwner): void {
    this.owners.set(owner.entityType, owner);
  }

  get(entityType: string): AttachmentOwner {
    const owner = this.owners.get(entityType);
    if (!owner) throw notFound('attachments.owner_unknown', 'Không có loại hồ sơ này');
    return owner;
  }
}

const forbidden = () =>
  new AppError('forbidden', 'auth.forbidden', 'Bạn không có quyền thực hiện thao tác này');
const fileNotFound = () => notFound('attachments.not_found', 'Không tìm thấy tệp đính kèm');

export function toAttachment(row: repo.AttachmentRow): Attachment {
  return {
    id: row.publicId,
    entityType: row.entityType as AttachmentEntityType,
    entityId: row.entityId,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    caption: row.caption,
    image: row.contentType.startsWith('image/'),
    url: `/api/attachments/${row.publicId}`,
    createdBy: row.createdByName,
    createdAt: row.createdAt.toISOString(),
  };
}

async function ownerRecord(
  db: Database,
  owners: AttachmentOwners,
  actor: Actor,
  entityType: string,
  entityId: number,
  needs: 'read' | 'write',
): Promise<{ owner: AttachmentOwner; record: OwnerRecord }> {
  const owner = owners.get(entityType);
  if (!hasPermission(actor.role, needs === 'read' ? owner.readPermission : owner.writePermission)) {
    throw forbidden();
  }
  const record = await owner.find(db, actor.scope, entityId);
  if (!record) throw notFound('attachments.record_not_found', `Không tìm thấy ${owner.label}`);
  // Central records are shared by everyone; only a national user may change their files.
  if (needs === 'write' && record.unitId === null && !actor.scope.all) throw forbidden();
  if (needs === 'write' && record.locked) throw conflict('attachments.locked', record.locked);
  return { owner, record };
}

/** The files of a record (the caller has checked the record is in scope). */
export async function attachmentsOf(
  db: Database,
  entityType: AttachmentEntityType,
  entityId: number,
): Promise<Attachment[]> {
  return (await repo.listFor(db, entityType, entityId)).map(toAttachment);
}

export async function attachmentCounts(
  db: Database,
  entityType: AttachmentEntityType,
  entityIds: readonly number[],
): Promise<Map<number, number>> {
  return repo.countFor(db, entityType, entityIds);
}

export async function listAttachments(
  db: Database,
  owners: AttachmentOwners,
  actor: Actor,
  query: { entityType: AttachmentEntityType; entityId: number },
): Promise<{ items: Attachment[] }> {
  await ownerRecord(db, owners, actor, query.entityType, query.entityId, 'read');
  return { items: await attachmentsOf(db, query.entityType, query.entityId) };
}

export async function uploadAttachment(
  db: Database,
  files: FileService,
  owners: AttachmentOwners,
  actor: Actor,
  input: {
    entityType: AttachmentEntityType;
    entityId: number;
    caption?: string | undefined;
    fileName: string;
    bytes: Buffer;
  },
): Promise<Attachment> {
  const { owner } = await ownerRecord(db, owners, actor, input.entityType, input.entityId, 'write');
  // The bytes are checked and stored first (slow, outside the transaction); if the row cannot be written they are
  // removed again, so no file is left without its row.
  const stored: StoredFile = await files.accept(
    { fileName: input.fileName, bytes: input.bytes },
    { encrypt: owner.sensitive === true },
  );
  try {
    const row = await inTransaction(db, async (tx) => {
      // Read again inside the transaction: the record may have moved out of scope meanwhile.
      const { record } = await ownerRecord(tx, owners, actor, input.entityType, input.entityId, 'write');
      const inserted = await repo.insertAttachment(tx, {
        publicId: newFileId(),
        entityType: input.entityType,
        entityId: input.entityId,
        unitId: record.unitId,
        provinceCode: record.provinceCode,
        storageKey: stored.storageKey,
        originalStorageKey: stored.originalStorageKey,
        fileName: stored.fileName,
        contentType: stored.contentType,
        sizeBytes: stored.sizeBytes,
        sha256: stored.sha256,
        encrypted: stored.encrypted,
        scannedBy: stored.scannedBy,
        caption: input.caption?.trim() || null,
        createdBy: actor.userId,
      });
      await recordAudit(tx, actor, {
        action: 'attachment.added',
        entityType: input.entityType,
        entityId: input.entityId,
        unitId: record.unitId,
        provinceCode: record.provinceCode,
        details: {
          attachment: inserted.publicId,
          // The file name can name a person ("Biên bản ông A"): the trail keeps the type and size, not the name.
          contentType: stored.contentType,
          sizeBytes: stored.sizeBytes,
          sha256: stored.sha256,
          scannedBy: stored.scannedBy,
        },
      });
      return inserted;
    });
    return toAttachment({ ...row, createdByName: actor.username });
  } catch (error) {
    await files.discard(stored);
    throw error;
  }
}

async function requireAttachment(
  db: Database,
  owners: AttachmentOwners,
  actor: Actor,
  publicId: string,
  needs: 'read' | 'write',
) {
  const row = await repo.findByPublicId(db, publicId);
  if (!row) throw fileNotFound();
  const owner = owners.get(row.entityType);
  if (!hasPermission(actor.role, needs === 'read' ? owner.readPermission : owner.writePermission)) {
    // Without the permission to read the kind of record, the file does not exist for this reader.
    if (needs === 'read') throw fileNotFound();
    throw forbidden();
  }
  const record = await owner.find(db, actor.scope, row.entityId);
  if (!record) throw fileNotFound();
  if (needs === 'write' && record.unitId === null && !actor.scope.all) throw forbidden();
  if (needs === 'write' && record.locked) throw conflict('attachments.locked', record.locked);
  return { row, owner, record };
}

export async function downloadAttachment(
  db: Database,
  files: FileService,
  owners: AttachmentOwners,
  actor: Actor,
  publicId: string,
): Promise<{ attachment: repo.AttachmentRecord; bytes: Buffer }> {
  const { row, owner, record } = await requireAttachment(db, owners, actor, publicId, 'read');
  const bytes = await files.read(row);
  if (owner.sensitive) {
    await recordSensitiveRead(db, actor, {
      entityType: row.entityType,
      entityId: row.entityId,
      unitId: record.unitId,
      provinceCode: record.provinceCode,
      purpose: `attachment ${row.publicId}`,
    });
  }
  return { attachment: row, bytes };
}

export async function deleteAttachment(
  db: Database,
  files: FileService,
  owners: AttachmentOwners,
  actor: Actor,
  publicId: string,
): Promise<void> {
  const row = await inTransaction(db, async (tx) => {
    const { row, owner, record } = await requireAttachment(tx, owners, actor, publicId, 'write');
    await owner.onRemove?.(tx, row.entityId, row.id);
    await repo.deleteAttachment(tx, row.id);
    await recordAudit(tx, actor, {
      action: 'attachment.removed',
      entityType: row.entityType,
      entityId: row.entityId,
      unitId: record.unitId,
      provinceCode: record.provinceCode,
      details: { attachment: row.publicId, contentType: row.contentType, sha256: row.sha256 },
    });
    return row;
  });
  // The bytes go only once the row is gone for good.
  await files.discard(row);
}

/** For owning modules whose record moved to another unit. */
export const moveAttachments = repo.moveAttachments;

/**
 * For owning modules deleting a record entered by mistake: inside their transaction the attachment rows go with
 * the record (the audit event of the deletion lists them); once the transaction has committed, `discard` removes
 * the bytes.
 */
export async function removeAttachmentsOf(
  tx: Database,
  entityType: string,
  entityId: number,
): Promise<repo.AttachmentRecord[]> {
  return repo.deleteAllFor(tx, entityType, entityId);
}

export async function discardFiles(
  files: FileService,
  rows: readonly repo.AttachmentRecord[],
): Promise<void> {
  for (const row of rows) await files.discard(row);
}
