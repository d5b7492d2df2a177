/**
 * The filters, sort and page of a registry list live in the address, in Vietnamese, so that a list can be shared
 * as a link and the back button works: /luc-luong?don-vi=12&loai=mediation_group&trang=2.
 */
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { type IsoDate, isIsoDate } from '../../../domain/dates';

export const LIST_PARAM = {
  q: 'q',
  unit: 'don-vi',
  kind: 'loai',
  status: 'trang-thai',
  exemplary: 'dien-hinh',
  flagged: 'bat-thuong',
  /** Filters of one registry only, read with `extra` (awards, feedback, documents). */
  issuer: 'cap-khen',
  recipientClass: 'doi-tuong',
  channel: 'kenh',
  activity: 'hoat-dong',
  central: 'trung-uong',
  from: 'tu-ngay',
  to: 'den-ngay',
  asOf: 'ngay',
  sort: 'sap-xep',
  page: 'trang',
  tab: 'xem',
} as const;
export type ListParam = (typeof LIST_PARAM)[keyof typeof LIST_PARAM];

export interface ListParams {
  q: string;
  unit: number | undefined;
  kinds: string[];
  status: string | undefined;
  exemplary: boolean;
  /** Only records with a confirmed unusual figure (activities). */
  flagged: boolean;
  from: IsoDate | undefined;
  to: IsoDate | undefined;
  asOf: IsoDate | undefined;
  sort: string | undefined;
  page: number;
  tab: string | undefined;
  /** Every value of a parameter not parsed above. */
  extra: (param: ListParam) => string[];
  /** Changes some parameters; any change but the page's own starts again at page 1. */
  update: (changes: Partial<Record<ListParam, string | string[] | undefined>>) => void;
}

const date = (raw: string | null) => (raw && isIsoDate(raw) ? raw : undefined);

export function useListParams(): ListParams {
  const [params, setParams] = useSearchParams();
  const update = useCallback<ListParams['update']>(
    (changes) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(changes)) {
            next.delete(key);
            if (Array.isArray(value)) for (const item of value) next.append(key, item);
            else if (value) next.set(key, value);
          }
          if (!(LIST_PARAM.page in changes) && !(LIST_PARAM.tab in changes)) next.delete(LIST_PARAM.page);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const unit = params.get(LIST_PARAM.unit);
  return {
    q: params.get(LIST_PARAM.q) ?? '',
    unit: unit && /^[1-9]\d{0,9}$/.test(unit) ? Number(unit) : undefined,
    kinds: params.getAll(LIST_PARAM.kind),
    status: params.get(LIST_PARAM.status) ?? undefined,
    exemplary: params.get(LIST_PARAM.exemplary) === 'co',
    flagged: params.get(LIST_PARAM.flagged) === 'co',
    from: date(params.get(LIST_PARAM.from)),
    to: date(params.get(LIST_PARAM.to)),
    asOf: date(params.get(LIST_PARAM.asOf)),
    sort: params.get(LIST_PARAM.sort) ?? undefined,
    page: Math.max(1, Number.parseInt(params.get(LIST_PARAM.page) ?? '1', 10) || 1),
    tab: params.get(LIST_PARAM.tab) ?? undefined,
    extra: (param) => params.getAll(param),
    update,
  };
}

/** The sort of an Ant Design table column from the API's sort key ("name" ascending, "-name" descending). */
export function sortOrderOf(sort: string | undefined, key: string): 'ascend' | 'descend' | null {
  if (sort === key) return 'ascend';
  if (sort === `-${key}`) return 'descend';
  return null;
}

/** The API's sort key from what the table reports after a click on a column header. */
export function sortKeyOf(sorter: unknown): string | undefined {
  const one = (Array.isArray(sorter) ? sorter[0] : sorter) as
    | { columnKey?: unknown; order?: 'ascend' | 'descend' | null }
    | undefined;
  if (!one?.order || typeof one.columnKey !== 'string') return undefined;
  return one.order === 'descend' ? `-${one.columnKey}` : one.columnKey;
}
