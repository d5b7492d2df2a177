/** The words of the page of the movement's configurable lists, in both languages. */
import type { ActivityTrait } from '../../../domain/activities';
import { formatInteger } from '../../../domain/numbers';

const vi = {
  pageTitle: 'Danh mục phong trào',
  pageIntro:
    'Các danh mục dùng khi ghi hoạt động và khen thưởng, và dân số của đơn vị dùng để kiểm tra số lượt người tham gia. Mục ngừng dùng không còn được chọn khi ghi mới; các bản ghi đã có vẫn giữ nguyên.',
  tabs: {
    kinds: 'Loại hoạt động',
    forms: 'Hình thức khen thưởng',
    issuers: 'Cấp khen thưởng',
    populations: 'Dân số đơn vị',
  },
  colName: 'Tên',
  colTrait: 'Biểu mẫu riêng',
  colOrder: 'Thứ tự',
  colActive: 'Đang dùng',
  colActions: '',
  traits: {
    general: 'Không',
    festival: 'Ngày hội (phần lễ, phần hội, làm điểm, quà)',
    class: 'Lớp học (học viên theo nhóm)',
    hearing: 'Hội nghị lắng nghe ý kiến Nhân dân',
  } as Record<ActivityTrait, string>,
  add: 'Thêm',
  addName: 'Tên mục mới',
  addTrait: 'Biểu mẫu riêng',
  nameRequired: 'Ghi tên',
  rename: 'Sửa',
  renameTitle: 'Sửa mục trong danh mục',
  save: 'Lưu',
  cancel: 'Hủy',
  added: (name: string) => `Đã thêm "${name}".`,
  saved: 'Đã lưu.',
  activeOn: 'Đang dùng',
  activeOff: 'Ngừng dùng',
  population: {
    intro:
      'Dân số theo năm của một đơn vị. Khi ghi hoạt động, số lượt người vượt dân số của đơn vị sẽ được cảnh báo và cần xác nhận kèm lý do.',
    unit: 'Đơn vị',
    pickUnit: 'Chọn một đơn vị để xem và ghi dân số.',
    year: 'Năm',
    value: 'Dân số (người)',
    source: 'Nguồn số liệu',
    sourcePlaceholder: 'Ví dụ: Niên giám thống kê 2024',
    record: 'Ghi dân số',
    empty: 'Chưa ghi dân số năm nào.',
    people: (value: number) => `${formatInteger(value)} người`,
  },
  readOnly: 'Chỉ quản trị hệ thống được sửa danh mục này.',
};

export type MovementListsMessages = typeof vi;

const en: MovementListsMessages = {
  pageTitle: 'Movement lists',
  pageIntro:
    'The lists used when recording activities and awards, and unit populations used to check attendance figures. A retired entry can no longer be chosen for new records; existing records keep it.',
  tabs: {
    kinds: 'Activity kinds',
    forms: 'Award forms',
    issuers: 'Award issuers',
    populations: 'Unit populations',
  },
  colName: 'Name',
  colTrait: 'Own form',
  colOrder: 'Order',
  colActive: 'In use',
  colActions: '',
  traits: {
    general: 'None',
    festival: 'Festival day (ceremony, festival, pilot, gifts)',
    class: 'Class (learners by group)',
    hearing: 'Citizens’ hearing',
  },
  add: 'Add',
  addName: 'Name of the new entry',
  addTrait: 'Own form',
  nameRequired: 'Give the name',
  rename: 'Edit',
  renameTitle: 'Edit a list entry',
  save: 'Save',
  cancel: 'Cancel',
  added: (name: string) => `Added "${name}".`,
  saved: 'Saved.',
  activeOn: 'In use',
  activeOff: 'Retired',
  population: {
    intro:
      'The population of a unit by year. When an activity is recorded, attendance above the population is flagged and needs a confirmation with its reason.',
    unit: 'Unit',
    pickUnit: 'Pick a unit to see and record its population.',
    year: 'Year',
    value: 'Population',
    source: 'Source',
    sourcePlaceholder: 'For example: statistical yearbook 2024',
    record: 'Record the population',
    empty: 'No population recorded yet.',
    people: (value: number) => `${formatInteger(value)} people`,
  },
  readOnly: 'Only system administrators may change this list.',
};

export const movementListsMessages = { vi, en };
