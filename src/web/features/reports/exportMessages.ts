/** The words of the export buttons of a report (Excel, Word, print view), in both languages. */

const vi = {
  excel: 'Xuất Excel',
  word: 'Xuất Word',
  print: 'Bản in',
  printHint: 'Mở bản in khổ A4 trong thẻ mới để in hoặc lưu PDF',
  preparing: 'Đang chuẩn bị tệp…',
  background: 'Báo cáo lớn đang được lập ở chế độ nền; tệp sẽ tự tải về khi xong.',
  done: (fileName: string) => `Đã tải về ${fileName}`,
  failed: 'Không xuất được báo cáo',
  progress: 'Tiến độ xuất báo cáo',
};

const en: typeof vi = {
  excel: 'Export to Excel',
  word: 'Export to Word',
  print: 'Print view',
  printHint: 'Open the A4 print view in a new tab to print or save as PDF',
  preparing: 'Preparing the file…',
  background: 'A large report is being prepared in the background; the file downloads when it is ready.',
  done: (fileName: string) => `Downloaded ${fileName}`,
  failed: 'The report could not be exported',
  progress: 'Export progress',
};

export const exportMessages = { vi, en };
