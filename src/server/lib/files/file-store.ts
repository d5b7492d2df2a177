/**
 * Where the bytes of attachments live. The interface is deliberately narrow (put / get / delete by an opaque id)
 * so that an S3-compatible store can replace the disk one without touching the modules that use it.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface FileStore {
  /** Stores the bytes under a new random id (never derived from a name or a row id) and answers that id. */
  put(bytes: Buffer): Promise<string>;
  /** The bytes stored under the id, or null when there are none. */
  get(id: string): Promise<Buffer | null>;
  /** Removes the bytes; removing an id that does not exist is not an error. */
  delete(id: string): Promise<void>;
}

/** 24 random bytes in base64url: 32 characters, 192 bits, not guessable. */
const ID_PATTERN = /^[A-Za-z0-9_-]{32}$/;

export function newFileId(): string {
  return randomBytes(24).toString('base64url');
}

export function isFileId(id: string): boolean {
  return ID_PATTERN.test(id);
}

/**
 * Files in a folder, default `<ANTQ_DATA_DIR>/files`, fanned out by the first two characters of the id so that no
 * directory grows to millions of entries. Writes go to a temporary name first and are renamed into place, so a
 * reader never sees half a file.
 */
export class DiskFileStore implements FileStore {
  constructor(private readonly root: string) {}

  private pathOf(id: string): string {
    // The id is checked before it becomes a path: nothing like "../" can reach the file system.
    if (!isFileId(id)) throw new Error('Mã tệp không hợp lệ');
    return path.join(this.root, id.slice(0, 2), id);
  }

  async put(bytes: Buffer): Promise<string> {
    const id = newFileId();
    const target = this.pathOf(id);
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temporary, bytes, { mode: 0o600, flag: 'wx' });
    await rename(temporary, target);
    return id;
  }

  async get(id: string): Promise<Buffer | null> {
    if (!isFileId(id)) return null;
    try {
      return await readFile(this.pathOf(id));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(id: string): Promise<void> {
    if (!isFileId(id)) return;
    await rm(this.pathOf(id), { force: true });
  }
}
