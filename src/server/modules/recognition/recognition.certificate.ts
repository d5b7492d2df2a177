/**
 * The certificate (Giấy công nhận) of a recognised unit as a Word file, in the administrative-document layout of
 * Nghị định 30/2020/NĐ-CP: the issuing body and the number on the left, Quốc hiệu and Tiêu ngữ on the right, place
 * and date, the title, the body, the signature block and the recipients; Times New Roman, A4, the prescribed margins.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { formatDateVi, todayInVietnam } from '../../../domain/dates.js';
import { conflict, notFound } from '../../../domain/errors.js';
import { STANDARD_TARGET_LABELS, type StandardTarget } from '../../../domain/recognition.js';
import type { Actor } from '../../context.js';
import type { Database } from '../../db/client.js';
import { inTransaction } from '../../db/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './recognition.repo.js';

const FONT = 'Times New Roman';
/** Half-points: 13 pt body, 12 pt for the issuing body's upper line and the recipients. */
const SIZE = 26;
const SMALL = 24;

const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

function line(
  text: string,
  options: {
    bold?: boolean;
    italics?: boolean;
    size?: number;
    align?: 'center' | 'left' | 'both';
    after?: number;
    underline?: boolean;
  } = {},
): Paragraph {
  return new Paragraph({
    alignment:
      options.align === 'left'
        ? AlignmentType.LEFT
        : options.align === 'both'
          ? AlignmentType.JUSTIFIED
          : AlignmentType.CENTER,
    spacing: { after: options.after ?? 0, line: 276 },
    children: [
      new TextRun({
        text,
        font: FONT,
        size: options.size ?? SIZE,
        bold: options.bold ?? false,
        italics: options.italics ?? false,
        ...(options.underline ? { underline: {} } : {}),
      }),
    ],
  });
}

/** "Hòa Vang, ngày 05 tháng 11 năm 2025": days and months below 10 get a leading zero except in "tháng 1, 2". */
export function placeAndDate(place: string, iso: string): string {
  const [year, month, day] = iso.split('-');
  const monthNumber = Number(month);
  const monthText = monthNumber < 3 ? `0${monthNumber}` : String(monthNumber);
  return `${place}, ngày ${day} tháng ${monthText} năm ${year}`;
}

export interface CertificateFacts {
  issuingBody: string;
  superiorBody: string | null;
  number: string;
  place: string;
  date: string;
  unitName: string;
  parentName: string | null;
  target: StandardTarget;
  year: number;
  decisionNumber: string;
  decisionDate: string;
  signerTitle: string;
  signer: string;
}

export async function renderCertificate(facts: CertificateFacts): Promise<Buffer> {
  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: 40, type: WidthType.PERCENTAGE },
            borders: NO_BORDERS,
            children: [
              ...(facts.superiorBody
                ? [line(facts.superiorBody.toLocaleUpperCase('vi'), { size: SMALL })]
                : []),
              line(facts.issuingBody.toLocaleUpperCase('vi'), {
                bold: true,
                size: SMALL,
                underline: true,
                after: 120,
              }),
              line(`Số: ${facts.number}`, { size: SIZE }),
            ],
          }),
          new TableCell({
            width: { size: 60, type: WidthType.PERCENTAGE },
            borders: NO_BORDERS,
            children: [
              line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: SMALL }),
              line('Độc lập - Tự do - Hạnh phúc', { bold: true, size: SIZE, underline: true, after: 120 }),
              line(placeAndDate(facts.place, facts.date), { italics: true, size: SIZE }),
            ],
          }),
        ],
      }),
    ],
  });
  const kind = STANDARD_TARGET_LABELS[facts.target].toLocaleLowerCase('vi');
  const document = new Document({
    creator: 'ANTQ',
    title: `Giấy công nhận ${facts.unitName}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            // Nghị định 30/2020: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
            margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 },
          },
        },
        children: [
          header,
          line('', { after: 240 }),
          line('GIẤY CÔNG NHẬN', { bold: true, size: 32, after: 120 }),
          line(`Đạt tiêu chuẩn "An toàn về an ninh, trật tự" năm ${facts.year}`, { bold: true, after: 360 }),
          line(`${facts.issuingBody} công nhận:`, { align: 'both', after: 120 }),
          line(facts.unitName, { bold: true, size: 30, after: 60 }),
          ...(facts.parentName ? [line(facts.parentName, { italics: true, after: 120 })] : []),
          line(
            `Đạt tiêu chuẩn "An toàn về an ninh, trật tự" năm ${facts.year} đối với ${kind}, theo Quyết định số ${facts.decisionNumber} ngày ${formatDateVi(facts.decisionDate)} và Thông tư số 124/2021/TT-BCA của Bộ trưởng Bộ Công an.`,
            { align: 'both', after: 480 },
          ),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            borders: NO_BORDERS,
            rows: [
              new TableRow({
                children: [
                  new TableCell({
                    width: { size: 50, type: WidthType.PERCENTAGE },
                    borders: NO_BORDERS,
                    children: [
                      line('Nơi nhận:', { bold: true, italics: true, size: SMALL, align: 'left' }),
                      line(`- ${facts.unitName};`, { size: 22, align: 'left' }),
                      line('- Công an cấp trên (để theo dõi);', { size: 22, align: 'left' }),
                      line('- Lưu: VT.', { size: 22, align: 'left' }),
                    ],
                  }),
                  new TableCell({
                    width: { size: 50, type: WidthType.PERCENTAGE },
                    borders: NO_BORDERS,
                    children: [
                      line(`TM. ${facts.issuingBody.toLocaleUpperCase('vi')}`, { bold: true, size: SMALL }),
                      line(facts.signerTitle.toLocaleUpperCase('vi'), {
                        bold: true,
                        size: SMALL,
                        after: 1200,
                      }),
                      line(facts.signer, { bold: true }),
                    ],
                  }),
                ],
              }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** The certificate of a recognised record in scope; its issue is audited (a certificate is a legal paper). */
export async function certificateFor(
  db: Database,
  actor: Actor,
  id: number,
): Promise<{ fileName: string; file: Buffer }> {
  return inTransaction(db, async (tx) => {
    const record = await repo.findRecordInScope(tx, actor.scope, id);
    if (!record) throw notFound('recognition.not_found', 'Không tìm thấy hồ sơ đăng ký tiêu chuẩn');
    if (record.status !== 'recognised' || !record.decisionNumber || !record.decisionDate) {
      throw conflict('recognition.not_recognised', 'Chỉ cấp giấy công nhận cho đơn vị đã được công nhận');
    }
    const today = todayInVietnam();
    const unit = await repo.findUnit(tx, record.unitId, today);
    const parent = unit?.parentId ? await repo.findUnit(tx, unit.parentId, today) : undefined;
    const issuingBody = record.issuingBody ?? 'ỦY BAN NHÂN DÂN';
    const place =
      (record.target === 'commune' ? unit?.fullName : parent?.fullName)?.replace(
        /^(Xã|Phường|Đặc khu|Tỉnh|Thành phố)\s+/u,
        '',
      ) ?? '';
    const number = `${record.decisionNumber.split('/')[0]}/GCN-UBND`;
    const file = await renderCertificate({
      issuingBody,
      superiorBody: null,
      number,
      place,
      date: record.decisionDate,
      unitName: unit?.fullName ?? '',
      parentName: parent && record.target !== 'commune' ? parent.fullName : null,
      target: record.target as StandardTarget,
      year: record.year,
      decisionNumber: record.decisionNumber,
      decisionDate: record.decisionDate,
      signerTitle: record.decisionSignerTitle ?? 'CHỦ TỊCH',
      signer: record.decisionSigner ?? '',
    });
    await recordAudit(tx, actor, {
      action: 'recognition.certificate',
      entityType: 'recognition_record',
      entityId: id,
      unitId: record.unitId,
      provinceCode: record.provinceCode,
      details: { number },
    });
    return { fileName: `Giấy công nhận ${unit?.fullName ?? ''} năm ${record.year}.docx`, file };
  });
}
