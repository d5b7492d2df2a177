import { type Static, type TSchema, Type } from 'typebox';

/** A string enum with literal types and a plain `enum` in the OpenAPI document. */
export function StringEnum<const T extends readonly string[]>(
  values: T,
  options: { description?: string } = {},
) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

/** A calendar date on the wire: YYYY-MM-DD. */
export const IsoDate = Type.String({
  format: 'date',
  description: 'Ngày dạng YYYY-MM-DD',
  examples: ['2025-07-01'],
});

export const Id = Type.Integer({ minimum: 1, maximum: 2147483647, description: 'Mã định danh' });

export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, description: 'Trang, bắt đầu từ 1' })),
  pageSize: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 500,
      description: 'Số dòng mỗi trang (mặc định 50; danh sách con 500)',
    }),
  ),
};

/** Every list of the API answers `{items, total, page, pageSize}`. */
export function ListResponse<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    total: Type.Integer({ minimum: 0 }),
    page: Type.Integer({ minimum: 1 }),
    pageSize: Type.Integer({ minimum: 1 }),
  });
}

export interface ListResult<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const ErrorResponse = Type.Object(
  {
    code: Type.String({ description: 'Mã lỗi ổn định cho máy đọc' }),
    message: Type.String({ description: 'Thông báo bằng tiếng Việt' }),
    field: Type.Optional(Type.String({ description: 'Trường dữ liệu bị lỗi' })),
    requestId: Type.Optional(Type.String()),
  },
  { $id: 'ErrorResponse' },
);
export type ErrorResponse = Static<typeof ErrorResponse>;

/** Standard error answers, spread into every route's `response`. */
export const errorResponses = {
  400: ErrorResponse,
  404: ErrorResponse,
};
