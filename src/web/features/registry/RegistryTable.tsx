/**
 * The table of a registry list: rows of the current page, sort and page kept in the address (useListParams), the
 * error with a retry when the page could not be loaded. Every registry list shows its rows this one way.
 */
import type { UseQueryResult } from '@tanstack/react-query';
import { Table, type TableColumnsType } from 'antd';
import { useMessages } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LIST_PARAM, type ListParams, sortKeyOf } from './listParams';
import { registryMessages } from './messages';

/** Rows per page of every registry list. */
export const REGISTRY_PAGE_SIZE = 20;

export function RegistryTable<Item extends { id: number }>({
  list,
  columns,
  params,
  emptyText,
}: {
  list: UseQueryResult<{ items: Item[]; total: number }>;
  columns: TableColumnsType<Item>;
  params: ListParams;
  emptyText: string;
}) {
  const r = useMessages(registryMessages).list;
  if (list.isError && !list.data)
    return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Table<Item>
      size="middle"
      rowKey="id"
      columns={columns}
      dataSource={list.data?.items ?? []}
      loading={list.isFetching}
      locale={{ emptyText }}
      onChange={(_pagination, _filters, sorter, extra) => {
        if (extra.action === 'sort') params.update({ [LIST_PARAM.sort]: sortKeyOf(sorter) });
      }}
      pagination={{
        current: params.page,
        pageSize: REGISTRY_PAGE_SIZE,
        total: list.data?.total ?? 0,
        showSizeChanger: false,
        showTotal: (total) => r.total(total),
        onChange: (next) => params.update({ [LIST_PARAM.page]: next > 1 ? String(next) : undefined }),
      }}
    />
  );
}
