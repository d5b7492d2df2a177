/**
 * Picks a unit within the user's scope: the top of the scope is offered at once, anything below is found by
 * typing its name (without diacritics if one likes). The server limits both lists to the scope. "Nationwide"
 * (null) is offered only to those who may grant it.
 */
import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useMemo, useState } from 'react';
import type { UnitRef } from '../../contracts/units';
import { todayInVietnam } from '../../domain/dates';
import { type UnitSummary, unitQueries } from '../api/units';
import { useT } from '../app/i18n';
import { useDebouncedValue } from './useDebouncedValue';

const NATIONAL = 'national';
const MIN_QUERY_LENGTH = 2;

type Choice = number | typeof NATIONAL;

interface UnitOption {
  value: Choice;
  label: string;
  detail?: string;
}

function placeOf(unit: UnitSummary): string | undefined {
  const parts = [unit.parentName, unit.provinceName !== unit.parentName ? unit.provinceName : null];
  return parts.filter(Boolean).join(', ') || undefined;
}

export function UnitPicker({
  id,
  value,
  onChange,
  allowNational,
  initial,
  status,
}: {
  id?: string;
  /** null is nationwide; undefined is nothing picked yet. */
  value?: number | null;
  onChange?: (value: number | null) => void;
  allowNational: boolean;
  /** The unit already picked (when editing), so that its name shows before any search. */
  initial?: UnitRef | null;
  status?: 'error' | 'warning';
}) {
  const t = useT();
  const today = todayInVietnam();
  const [text, setText] = useState('');
  const query = useDebouncedValue(text.trim(), 300);
  const searching = query.length >= MIN_QUERY_LENGTH;
  const roots = useQuery(unitQueries.roots(today));
  const found = useQuery({ ...unitQueries.search(query, today), enabled: searching });

  /** The option last picked from a search: its name must still show once the search is cleared. */
  const [picked, setPicked] = useState<UnitOption>();

  const options = useMemo(() => {
    const units = (searching ? found.data?.items : roots.data?.items) ?? [];
    const list: UnitOption[] = units.map((unit) => ({
      value: unit.id,
      label: unit.fullName,
      detail: [t.kinds[unit.kind], placeOf(unit)].filter(Boolean).join(' · '),
    }));
    if (searching) return list;
    const current =
      picked && picked.value === value
        ? picked
        : initial && initial.id === value
          ? { value: initial.id, label: initial.fullName, detail: t.kinds[initial.kind] }
          : undefined;
    if (current && !list.some((option) => option.value === current.value)) list.unshift(current);
    if (allowNational) list.unshift({ value: NATIONAL, label: t.auth.nationwide });
    return list;
  }, [searching, found.data, roots.data, picked, value, initial, allowNational, t]);

  const loading = searching ? found.isFetching : roots.isPending;
  const selected: Choice | undefined = value === null ? (allowNational ? NATIONAL : undefined) : value;

  return (
    <Select<Choice, UnitOption>
      {...(id ? { id } : {})}
      {...(status ? { status } : {})}
      value={selected}
      onChange={(next, option) => {
        if (option && !Array.isArray(option)) setPicked(option);
        onChange?.(next === NATIONAL ? null : next);
      }}
      options={options}
      placeholder={t.unitPicker.placeholder}
      showSearch={{ filterOption: false, onSearch: setText }}
      onOpenChange={(open) => {
        if (!open) setText('');
      }}
      loading={loading}
      notFoundContent={loading ? <Spin size="small" /> : t.unitPicker.nothing}
      optionRender={(option) => (
        <span className="unit-picker__option">
          <span>{option.data.label}</span>
          {option.data.detail && <span className="unit-picker__detail muted">{option.data.detail}</span>}
        </span>
      )}
      popupMatchSelectWidth
    />
  );
}
