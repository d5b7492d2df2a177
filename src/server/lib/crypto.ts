/**
 * Encryption at rest for the most sensitive fields (TOTP secrets now; crime reports and reintegration files later)
 * and the random tokens of sessions and recovery codes.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const FORMAT = 'v1';

export class FieldCipher {
  private readonly key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('Khóa mã hóa phải dài 32 byte');
    this.key = key;
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${FORMAT}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  /**
   * A separate key for another purpose (e.g. signing proof-of-work challenges), derived from the installation key
   * so that every server process of an installation derives the same one and no key file is added.
   */
  deriveKey(purpose: string): Buffer {
    return createHmac('sha256', this.key).update(`antq:${purpose}`).digest();
  }

  /** Binary form of `encrypt` for files at rest: iv (12) + tag (16) + body, no text encoding. */
  encryptBytes(plain: Buffer): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  decryptBytes(stored: Buffer): Buffer {
    if (stored.length < 28) throw new Error('Dữ liệu mã hóa không đúng định dạng');
    const decipher = createDecipheriv('aes-256-gcm', this.key, stored.subarray(0, 12));
    decipher.setAuthTag(stored.subarray(12, 28));
    return Buffer.concat([decipher.update(stored.subarray(28)), decipher.final()]);
  }

  decrypt(stored: string): string {
    const [format, payload] = stored.split(':', 2);
    if (format !== FORMAT || !payload) throw new Error('Dữ liệu mã hóa không đúng định dạng');
    const raw = Buffer.from(payload, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }
}

/**
 * The installation key: from configuration when given, otherwise generated once into the data folder with mode
 * 0600 (the embedded default). Losing it makes the encrypted fields unreadable: it belongs in every backup plan.
 */
export function loadOrCreateKey(options: { secretKey: string | undefined; dataDir: string }): Buffer {
  if (options.secretKey) return Buffer.from(options.secretKey, 'base64');
  const file = path.join(options.dataDir, 'secret.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  mkdirSync(options.dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return key;
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
