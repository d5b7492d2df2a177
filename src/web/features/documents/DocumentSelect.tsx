/** Picks a directive document by typing its number or title (without diacritics if one likes). */
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { type DocumentRef, documentQueries } from '../../api/documents';
import { useDebouncedValue } from '../../components/useDebouncedValue';

const labelOf = (document: DocumentRef) => `${document.kindLabel} ${document.number} — ${document.title}`;

export function DocumentSelect({
  id,
  value,
  onChange,
  initial,
  exclude,
  placeholder,
  ariaLabel,
}: {
  id?: string;
  value?: number | null;
  onChange?: (value: number | null) => void;
  /** The document already picked (when editing), so that its name shows before any search. */
  initial?: DocumentRef | undefined;
  exclude?: number | undefined;
  placeholder?: string;
  ariaLabel?: string;
}) {
  const [text, setText] = useState('');
  const query = useDebouncedValue(text.trim(), 300);
  const found = useQuery({ ...documentQueries.list({ q: query, pageSize: 20 }), enabled: query.length >= 2 });
  const [picked, setPicked] = useState<{ value: number; label: string }>();
  const options = useMemo(() => {
    const list = (query.length >= 2 ? (found.data?.items ?? []) : [])
      .filter((item) => item.id !== exclude)
      .map((item) => ({ value: item.id, label: labelOf(item) }));
    const current =
      picked && picked.value === value
        ? picked
        : initial && initial.id === value
          ? { value: initial.id, label: labelOf(initial) }
          : undefined;
    if (current && !list.some((option) => option.value === current.value)) list.unshift(current);
    return list;
  }, [query, found.data, picked, value, initial, exclude]);
  return (
    <Select<number, { value: number; label: string }>
      {...(id ? { id } : {})}
      aria-label={ariaLabel}
      allowClear
      value={value ?? undefined}
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: setText }}
      loading={found.isFetching}
      options={options}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
      onChange={(next, option) => {
        if (option && !Array.isArray(option)) setPicked(option);
        onChange?.(next ?? null);
      }}
    />
  );
}
