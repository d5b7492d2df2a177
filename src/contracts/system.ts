import { type Static, Type } from 'typebox';

export const Health = Type.Object({
  status: Type.Literal('ok'),
  driver: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')], {
    description: 'Trình điều khiển cơ sở dữ liệu',
  }),
  schemaVersion: Type.Union([Type.String(), Type.Null()], {
    description: 'Bản di chuyển lược đồ mới nhất đã áp dụng',
  }),
  migrationsApplied: Type.Integer({ minimum: 0 }),
  time: Type.String({ format: 'date-time', description: 'Giờ của máy chủ (UTC)' }),
  version: Type.String(),
});
export type Health = Static<typeof Health>;
