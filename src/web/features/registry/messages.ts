/**
 * The words every registry page shares (filters, Excel import, counts), in both languages. They load with the
 * registry pages, not with the first download of the app.
 */
import { formatDateVi } from '../../../domain/dates';
import type { HierarchyBasis } from '../../../domain/indicators';
import { formatInteger } from '../../../domain/numbers';

const vi = {
  list: {
    searchLabel: 'Tìm theo tên',
    unitFilter: 'Đơn vị (gồm cả đơn vị trực thuộc)',
    allUnits: 'Toàn bộ phạm vi của bạn',
    kindFilter: 'Loại',
    allKinds: 'Mọi loại',
    statusFilter: 'Trạng thái',
    allStatuses: 'Mọi trạng thái',
    dateRange: 'Thành lập, bắt đầu trong khoảng',
    dateFrom: 'Từ ngày',
    dateTo: 'Đến ngày',
    asOf: 'Tình trạng vào ngày',
    asOfPlaceholder: 'Hôm nay',
    clear: 'Bỏ lọc',
    exportExcel: 'Xuất Excel',
    exportHint: 'Tải về đúng danh sách đang lọc (mọi trang)',
    importExcel: 'Nhập từ Excel',
    total: (total: number) => `${formatInteger(total)} bản ghi`,
    tabList: 'Danh sách',
    tabSummary: 'Số liệu tổng hợp',
    history: 'Lịch sử thay đổi',
    historyEmpty: 'Chưa có thay đổi nào được ghi.',
    by: (name: string) => `bởi ${name}`,
    system: 'hệ thống',
    save: 'Lưu',
    create: 'Tạo',
    cancel: 'Hủy',
    edit: 'Sửa',
    saved: 'Đã lưu.',
    notFound: 'Không tìm thấy bản ghi này, hoặc nó nằm ngoài phạm vi của bạn.',
    back: 'Quay lại danh sách',
    none: '—',
    required: 'Bắt buộc',
    notesLabel: 'Ghi chú',
  },
  import: {
    template: 'Tải tệp Excel mẫu',
    drop: 'Bấm hoặc kéo tệp Excel (.xlsx) vào đây',
    dropHint: 'Tệp được kiểm tra trước; chưa có gì được ghi cho đến khi bạn xác nhận.',
    check: 'Kiểm tra tệp',
    checking: 'Đang kiểm tra',
    write: (rows: number) => `Ghi ${formatInteger(rows)} dòng vào hệ thống`,
    writing: 'Đang ghi dữ liệu',
    progress: 'Tiến độ',
    otherFile: 'Chọn tệp khác',
    close: 'Đóng',
    cancel: 'Hủy',
    tooLarge: 'Tệp lớn hơn 50 MB: hãy chia nhỏ tệp.',
    failed: 'Không xử lý được tệp.',
    failedTitle: 'Không nhập được tệp',
    allGood: (rows: number) => `Cả ${formatInteger(rows)} dòng đều hợp lệ.`,
    nothingWrittenYet: 'Chưa có gì được ghi. Bấm "Ghi" để lưu toàn bộ trong một lần.',
    empty: 'Tệp không có dòng dữ liệu nào.',
    errorsTitle: (count: number) => `Có ${formatInteger(count)} lỗi: chưa ghi dòng nào`,
    errorsDetail:
      'Tệp chỉ được ghi khi không còn lỗi nào (ghi tất cả hoặc không ghi gì). Sửa các ô dưới đây trong tệp rồi kiểm tra lại.',
    errorListTitle: 'Các dòng bị lỗi',
    truncated: (shown: number, total: number) =>
      `Hiện ${formatInteger(shown)} lỗi đầu tiên trên tổng số ${formatInteger(total)}.`,
    committed: (sheets: ReadonlyArray<{ sheet: string; created: number }>) =>
      `Đã ghi: ${sheets.map((sheet) => `${formatInteger(sheet.created)} dòng "${sheet.sheet}"`).join(', ')}.`,
    colSheet: 'Trang tính',
    colRows: 'Số dòng',
    colValid: 'Hợp lệ',
    colCreated: 'Đã ghi',
    colRow: 'Dòng',
    colField: 'Cột',
    colMessage: 'Lỗi',
  },
  summary: {
    colUnit: 'Đơn vị',
    total: 'Tổng',
    grandTotal: 'Cộng',
    date: 'Ngày xem số liệu',
    periodFrom: 'Từ ngày',
    periodFromDefault: '01/01 năm đó',
    periodTo: 'Tính đến ngày',
    basis: 'Cách tính theo đơn vị hành chính',
    bases: {
      as_of: 'Đơn vị tại ngày xem',
      current: 'Quy về đơn vị hiện nay',
    } as Record<HierarchyBasis, string>,
    nationwide: 'Toàn quốc',
    caption: (unit: string, date: string, basis: HierarchyBasis) =>
      `${unit}, ngày ${formatDateVi(date)} — ${
        basis === 'as_of'
          ? 'theo đơn vị hành chính tại ngày đó'
          : 'số liệu của đơn vị cũ được quy về đơn vị hành chính hiện nay'
      }. Bấm tên một đơn vị để xem chi tiết bên dưới.`,
    partial: 'gần đúng',
    partialHint: (count: number) =>
      `Có số liệu của ${formatInteger(count)} đơn vị cũ bị chia tách một phần được tính vào dòng này`,
    tableLabel: 'Số liệu theo đơn vị',
  },
  remove: {
    action: 'Xóa',
    title: 'Xóa bản ghi ghi nhầm',
    intro:
      'Chỉ xóa bản ghi nhập nhầm hoặc trùng. Bản ghi như trước khi xóa, các tệp đính kèm và lý do được lưu trong nhật ký hệ thống.',
    reason: 'Lý do xóa',
    reasonPlaceholder: 'Ví dụ: ghi trùng với bản ghi khác, ghi nhầm đơn vị',
    reasonRequired: 'Ghi lý do (ít nhất 3 ký tự)',
    confirm: 'Xóa bản ghi',
    done: 'Đã xóa bản ghi.',
  },
};

export type RegistryMessages = typeof vi;

const en: RegistryMessages = {
  list: {
    searchLabel: 'Search by name',
    unitFilter: 'Unit (with the units below it)',
    allUnits: 'Your whole scope',
    kindFilter: 'Kind',
    allKinds: 'All kinds',
    statusFilter: 'Status',
    allStatuses: 'All statuses',
    dateRange: 'Established or started between',
    dateFrom: 'From',
    dateTo: 'To',
    asOf: 'Status on',
    asOfPlaceholder: 'Today',
    clear: 'Clear filters',
    exportExcel: 'Export to Excel',
    exportHint: 'Downloads exactly the filtered list (every page)',
    importExcel: 'Import from Excel',
    total: (total: number) => `${formatInteger(total)} records`,
    tabList: 'List',
    tabSummary: 'Counts',
    history: 'History of changes',
    historyEmpty: 'No change recorded yet.',
    by: (name: string) => `by ${name}`,
    system: 'system',
    save: 'Save',
    create: 'Create',
    cancel: 'Cancel',
    edit: 'Edit',
    saved: 'Saved.',
    notFound: 'This record does not exist or lies outside your scope.',
    back: 'Back to the list',
    none: '—',
    required: 'Required',
    notesLabel: 'Notes',
  },
  import: {
    template: 'Download the Excel template',
    drop: 'Click or drop an Excel file (.xlsx) here',
    dropHint: 'The file is checked first; nothing is written until you confirm.',
    check: 'Check the file',
    checking: 'Checking',
    write: (rows: number) => `Write ${formatInteger(rows)} rows`,
    writing: 'Writing',
    progress: 'Progress',
    otherFile: 'Choose another file',
    close: 'Close',
    cancel: 'Cancel',
    tooLarge: 'The file is larger than 50 MB: split it.',
    failed: 'The file could not be processed.',
    failedTitle: 'The file was not imported',
    allGood: (rows: number) => `All ${formatInteger(rows)} rows are valid.`,
    nothingWrittenYet: 'Nothing has been written yet. Press "Write" to save everything at once.',
    empty: 'The file has no data rows.',
    errorsTitle: (count: number) => `${formatInteger(count)} errors: no row was written`,
    errorsDetail:
      'A file is written only when it has no error at all (everything or nothing). Fix the cells below in the file and check it again.',
    errorListTitle: 'Rows with errors',
    truncated: (shown: number, total: number) =>
      `Showing the first ${formatInteger(shown)} of ${formatInteger(total)} errors.`,
    committed: (sheets: ReadonlyArray<{ sheet: string; created: number }>) =>
      `Written: ${sheets.map((sheet) => `${formatInteger(sheet.created)} rows of "${sheet.sheet}"`).join(', ')}.`,
    colSheet: 'Sheet',
    colRows: 'Rows',
    colValid: 'Valid',
    colCreated: 'Written',
    colRow: 'Row',
    colField: 'Column',
    colMessage: 'Error',
  },
  summary: {
    colUnit: 'Unit',
    total: 'Total',
    grandTotal: 'Total',
    date: 'Counts on',
    periodFrom: 'From',
    periodFromDefault: '1 January of that year',
    periodTo: 'Counted up to',
    basis: 'Hierarchy used',
    bases: {
      as_of: 'Units of that date',
      current: "Re-mapped onto today's units",
    },
    nationwide: 'Nationwide',
    caption: (unit: string, date: string, basis: HierarchyBasis) =>
      `${unit}, on ${formatDateVi(date)} — ${
        basis === 'as_of' ? 'on the hierarchy of that date' : "old units re-mapped onto today's hierarchy"
      }. Click a unit's name to see its own breakdown.`,
    partial: 'approximate',
    partialHint: (count: number) =>
      `Includes records of ${formatInteger(count)} old units that were partly split`,
    tableLabel: 'Counts by unit',
  },
  remove: {
    action: 'Delete',
    title: 'Delete a record entered by mistake',
    intro:
      'Only delete a record entered by mistake or twice. The record as it was, its attachments and the reason are kept in the audit trail.',
    reason: 'Reason',
    reasonPlaceholder: 'For example: a duplicate of another record, the wrong unit',
    reasonRequired: 'Give the reason (at least 3 characters)',
    confirm: 'Delete the record',
    done: 'Record deleted.',
  },
};

export const registryMessages = { vi, en };
