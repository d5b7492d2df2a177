/**
 * Diacritic-insensitive search ("nhon loc" finds "Xã Nhơn Lộc"). A name that is not on the chosen date is often
 * on the other hierarchy — an old commune after the merger, a new one before it — so an empty answer is followed
 * by the same search on the other side of 01/07/2025.
 */
import { SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Input, Spin } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router-dom';
import type { IsoDate } from '../../../domain/dates';
import { LAST_DAY_BEFORE_REFORM_2025, REFORM_2025_DATE } from '../../../domain/units';
import { type UnitList, type UnitSummary, unitQueries } from '../../api/units';
import { useT } from '../../app/i18n';
import { DemoTag } from '../../components/DemoTag';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { unitHref } from './useAsOf';

const MIN_QUERY_LENGTH = 2;

function placeOf(unit: UnitSummary): string {
  if (!unit.parentName) return '';
  if (!unit.provinceName || unit.parentName === unit.provinceName) return unit.parentName;
  return `${unit.parentName}, ${unit.provinceName}`;
}

function ResultList({ list, asOf, selectedId }: { list: UnitList; asOf: IsoDate; selectedId?: number }) {
  return (
    <ul className="unit-results">
      {list.items.map((unit) => (
        <li key={unit.id}>
          <Link
            to={unitHref(unit.id, asOf)}
            className={unit.id === selectedId ? 'unit-result unit-result--selected' : 'unit-result'}
          >
            <span className="unit-result__name">
              {unit.fullName}
              <DemoTag source={unit.source} />
            </span>
            <span className="unit-result__place muted">{placeOf(unit)}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function UnitSearch({
  asOf,
  today,
  selectedId,
}: {
  asOf: IsoDate;
  today: IsoDate;
  selectedId?: number;
}) {
  const t = useT();
  const [text, setText] = useState('');
  const query = useDebouncedValue(text.trim(), 300);
  const active = query.length >= MIN_QUERY_LENGTH;
  const otherDate = asOf >= REFORM_2025_DATE ? LAST_DAY_BEFORE_REFORM_2025 : today;

  const primary = useQuery({ ...unitQueries.search(query, asOf), enabled: active });
  const other = useQuery({
    ...unitQueries.search(query, otherDate),
    enabled: active && primary.data?.total === 0,
  });

  let body: ReactNode = null;
  if (active && primary.isPending) {
    body = <Spin size="small" className="unit-results__spin" />;
  } else if (active && primary.isError) {
    body = <ErrorAlert error={primary.error} onRetry={() => void primary.refetch()} />;
  } else if (active && primary.data && primary.data.total > 0) {
    const list = primary.data;
    body = (
      <>
        <p className="unit-results__count muted" aria-live="polite">
          {t.units.searchFound(list.total)}
          {list.total > list.items.length ? t.units.searchShowingFirst(list.items.length) : ''}
        </p>
        <ResultList list={list} asOf={asOf} {...(selectedId ? { selectedId } : {})} />
      </>
    );
  } else if (active && primary.data) {
    body = (
      <>
        <p className="unit-results__count muted" aria-live="polite">
          {t.units.searchNothing(asOf)}
        </p>
        {other.isPending && <Spin size="small" className="unit-results__spin" />}
        {other.isError && <ErrorAlert error={other.error} onRetry={() => void other.refetch()} />}
        {other.data && other.data.total > 0 && (
          <section aria-label={otherDate === today ? t.units.searchOtherCurrent : t.units.searchOtherBefore}>
            <h4 className="unit-results__heading">
              {otherDate === today ? t.units.searchOtherCurrent : t.units.searchOtherBefore}
            </h4>
            <ResultList list={other.data} asOf={otherDate} {...(selectedId ? { selectedId } : {})} />
          </section>
        )}
        {other.data && other.data.total === 0 && <p className="muted">{t.units.searchNothingAnywhere}</p>}
      </>
    );
  }

  return (
    <div className="unit-search">
      <Input
        type="search"
        allowClear
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder={t.units.searchPlaceholder}
        aria-label={t.units.searchLabel}
        prefix={<SearchOutlined className="muted" />}
        maxLength={100}
      />
      {body && <div className="unit-results__panel">{body}</div>}
    </div>
  );
}
