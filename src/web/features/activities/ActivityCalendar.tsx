/**
 * The calendar of activities: a month (each day with the activities held on it, several-day activities on every
 * day they last) or a whole year (twelve small months shaded by how many activities each day had). The period and
 * the view live in the address (?xem=lich&lich=2025-08 or &lich=2025) so that a calendar can be shared.
 */
import { FlagFilled, LeftOutlined, PaperClipOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, DatePicker, List, Modal, Segmented, Select, Skeleton, Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { Calendar } from '../../../contracts/activities';
import { daysInMonth, formatDateVi, todayInVietnam } from '../../../domain/dates';
import { activityQueries } from '../../api/activities';
import { useCurrentUser } from '../../app/auth/session';
import { useMessages } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitPicker } from '../../components/UnitPicker';
import { registryMessages } from '../registry/messages';
import { activitiesMessages } from './messages';

const PERIOD_PARAM = 'lich';
const SHOWN_PER_DAY = 3;
/** Keys of the empty places before the first day of a small month. */
const BLANKS = ['b0', 'b1', 'b2', 'b3', 'b4', 'b5', 'b6'];
type Item = Calendar['items'][number];

interface Period {
  year: number;
  /** Absent: the whole year. */
  month: number | undefined;
}

function parsePeriod(raw: string | null): Period {
  const match = /^(\d{4})(?:-(\d{2}))?$/.exec(raw ?? '');
  if (match) {
    const year = Number(match[1]);
    const month = match[2] ? Number(match[2]) : undefined;
    if (year >= 1945 && year <= 2100 && (month === undefined || (month >= 1 && month <= 12))) {
      return { year, month };
    }
  }
  const today = todayInVietnam();
  return { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) };
}

const periodText = (period: Period) =>
  period.month === undefined
    ? String(period.year)
    : `${period.year}-${String(period.month).padStart(2, '0')}`;

const isoOf = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** Monday-first weekday (0..6) of the first day of a month. */
function firstWeekday(year: number, month: number): number {
  return (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
}

function itemsByDay(items: readonly Item[], year: number, month: number): Map<string, Item[]> {
  const days = new Map<string, Item[]>();
  const first = isoOf(year, month, 1);
  const last = isoOf(year, month, daysInMonth(year, month));
  for (const item of items) {
    // ISO dates compare as text.
    let start = item.startsOn;
    if (start < first) start = first;
    let end = item.endsOn && item.endsOn > item.startsOn ? item.endsOn : item.startsOn;
    if (end > last) end = last;
    for (let day = Number(start.slice(8, 10)); isoOf(year, month, day) <= end; day += 1) {
      const key = isoOf(year, month, day);
      days.set(key, [...(days.get(key) ?? []), item]);
    }
  }
  return days;
}

export function ActivityCalendar() {
  const m = useMessages(activitiesMessages);
  const r = useMessages(registryMessages).list;
  const me = useCurrentUser();
  const [search, setSearch] = useSearchParams();
  const period = parsePeriod(search.get(PERIOD_PARAM));
  const [unit, setUnit] = useState<number | null>(me.unit?.id ?? null);
  const [kinds, setKinds] = useState<number[]>([]);
  const [openDay, setOpenDay] = useState<string>();
  const kindList = useQuery(activityQueries.kinds());
  const calendar = useQuery(
    activityQueries.calendar({
      year: period.year,
      ...(period.month !== undefined ? { month: period.month } : {}),
      ...(unit !== null ? { unit } : {}),
      ...(kinds.length > 0 ? { kind: kinds } : {}),
    }),
  );

  const go = (next: Period) =>
    setSearch(
      (previous) => {
        const params = new URLSearchParams(previous);
        params.set(PERIOD_PARAM, periodText(next));
        return params;
      },
      { replace: true },
    );
  const step = (delta: number) => {
    if (period.month === undefined) go({ year: period.year + delta, month: undefined });
    else {
      const index = period.year * 12 + (period.month - 1) + delta;
      go({ year: Math.floor(index / 12), month: (index % 12) + 1 });
    }
  };
  const label =
    period.month === undefined
      ? `${m.calendar.year} ${period.year}`
      : `${m.calendar.months[period.month - 1]}/${period.year}`;

  const data = calendar.data;
  const dayItems = useMemo(() => {
    if (!data || !openDay) return [];
    return (
      itemsByDay(data.items, Number(openDay.slice(0, 4)), Number(openDay.slice(5, 7))).get(openDay) ?? []
    );
  }, [data, openDay]);

  return (
    <div className="activity-calendar">
      <div className="registry-filters">
        <Segmented<'month' | 'year'>
          value={period.month === undefined ? 'year' : 'month'}
          onChange={(view) =>
            go(
              view === 'year'
                ? { year: period.year, month: undefined }
                : {
                    year: period.year,
                    month: parsePeriod(null).year === period.year ? parsePeriod(null).month : 1,
                  },
            )
          }
          options={[
            { value: 'month', label: m.calendar.month },
            { value: 'year', label: m.calendar.year },
          ]}
        />
        <Button icon={<LeftOutlined />} aria-label={m.calendar.previous} onClick={() => step(-1)} />
        <DatePicker
          picker={period.month === undefined ? 'year' : 'month'}
          format={period.month === undefined ? 'YYYY' : 'MM/YYYY'}
          allowClear={false}
          aria-label={label}
          value={dayjs(isoOf(period.year, period.month ?? 1, 1))}
          onChange={(picked) =>
            picked &&
            go({ year: picked.year(), month: period.month === undefined ? undefined : picked.month() + 1 })
          }
        />
        <Button icon={<RightOutlined />} aria-label={m.calendar.next} onClick={() => step(1)} />
        <Button onClick={() => go(parsePeriod(null))}>{m.calendar.today}</Button>
        <div className="registry-filters__unit" title={m.calendar.unit}>
          <UnitPicker value={unit} onChange={setUnit} allowNational={me.unit === null} initial={me.unit} />
        </div>
        <Select<number[]>
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          className="registry-filters__select"
          aria-label={r.kindFilter}
          placeholder={r.allKinds}
          value={kinds}
          onChange={setKinds}
          options={(kindList.data?.items ?? []).map((kind) => ({ value: kind.id, label: kind.name }))}
        />
      </div>
      <h2 className="activity-calendar__title">
        {label}
        {data && <span className="muted"> · {m.calendar.count(data.items.length)}</span>}
      </h2>
      {data?.truncated && <Alert type="warning" showIcon title={m.calendar.truncated} />}
      {calendar.isError && !data ? (
        <ErrorAlert error={calendar.error} onRetry={() => void calendar.refetch()} />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : period.month !== undefined ? (
        <MonthGrid
          year={period.year}
          month={period.month}
          items={data.items}
          label={m.calendar.gridLabel(label)}
          onMore={setOpenDay}
        />
      ) : (
        <YearGrid
          year={period.year}
          data={data}
          onMonth={(month) => go({ year: period.year, month })}
          onDay={setOpenDay}
        />
      )}
      <Modal
        open={openDay !== undefined}
        title={openDay ? m.calendar.dayTitle(formatDateVi(openDay)) : ''}
        footer={null}
        onCancel={() => setOpenDay(undefined)}
      >
        <List
          size="small"
          dataSource={dayItems}
          locale={{ emptyText: m.calendar.none }}
          renderItem={(item) => (
            <List.Item>
              <List.Item.Meta
                title={<Link to={`/hoat-dong/${item.id}`}>{item.title}</Link>}
                description={`${item.kind.name} · ${item.unit.fullName}`}
              />
            </List.Item>
          )}
        />
      </Modal>
    </div>
  );
}

function MonthGrid({
  year,
  month,
  items,
  label,
  onMore,
}: {
  year: number;
  month: number;
  items: readonly Item[];
  label: string;
  onMore: (day: string) => void;
}) {
  const m = useMessages(activitiesMessages);
  const today = todayInVietnam();
  const days = useMemo(() => itemsByDay(items, year, month), [items, year, month]);
  const offset = firstWeekday(year, month);
  const count = daysInMonth(year, month);
  const weeks = Math.ceil((offset + count) / 7);
  const cells = Array.from({ length: weeks * 7 }, (_value, position) => {
    const day = position - offset + 1;
    return {
      key: `cell-${position}`,
      day: day >= 1 && day <= count ? day : null,
      weekend: position % 7 >= 5,
    };
  });
  return (
    <table className="calendar-month" aria-label={label}>
      <thead>
        <tr>
          {m.calendar.weekdays.map((weekday) => (
            <th key={weekday} scope="col" className="calendar-month__weekday">
              {weekday}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: weeks }, (_value, week) => cells.slice(week * 7, week * 7 + 7)).map((row) => (
          <tr key={row[0]!.key}>
            {row.map((cell) => {
              if (cell.day === null) return <td key={cell.key} className="calendar-day calendar-day--out" />;
              const iso = isoOf(year, month, cell.day);
              const list = days.get(iso) ?? [];
              return (
                <td
                  key={cell.key}
                  aria-label={formatDateVi(iso)}
                  className={`calendar-day${iso === today ? ' calendar-day--today' : ''}${cell.weekend ? ' calendar-day--weekend' : ''}`}
                >
                  <span className="calendar-day__number">{cell.day}</span>
                  {list.slice(0, SHOWN_PER_DAY).map((item) => (
                    <Tooltip key={item.id} title={`${item.kind.name} · ${item.unit.fullName}`}>
                      <Link
                        to={`/hoat-dong/${item.id}`}
                        className={`calendar-event calendar-event--${item.kind.trait}`}
                      >
                        {item.pilot && <FlagFilled className="calendar-event__flag" />}
                        {item.attachmentCount > 0 && <PaperClipOutlined className="calendar-event__clip" />}
                        {item.title}
                      </Link>
                    </Tooltip>
                  ))}
                  {list.length > SHOWN_PER_DAY && (
                    <button
                      type="button"
                      className="link-button calendar-day__more"
                      onClick={() => onMore(iso)}
                    >
                      {m.calendar.more(list.length - SHOWN_PER_DAY)}
                    </button>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function YearGrid({
  year,
  data,
  onMonth,
  onDay,
}: {
  year: number;
  data: Calendar;
  onMonth: (month: number) => void;
  onDay: (day: string) => void;
}) {
  const m = useMessages(activitiesMessages);
  const perDay = useMemo(() => new Map(data.days.map((day) => [day.date, day.count])), [data]);
  const perMonth = useMemo(() => new Map(data.months.map((month) => [month.month, month.count])), [data]);
  const busiest = Math.max(1, ...data.days.map((day) => day.count));
  return (
    <div className="calendar-year">
      {m.calendar.months.map((name, index) => {
        const month = index + 1;
        const offset = firstWeekday(year, month);
        const count = daysInMonth(year, month);
        return (
          <section key={name} className="calendar-year__month" aria-label={`${name}/${year}`}>
            <header>
              <button type="button" className="link-button" onClick={() => onMonth(month)}>
                {name}
              </button>
              <Tag>{m.calendar.count(perMonth.get(month) ?? 0)}</Tag>
            </header>
            <div className="calendar-year__grid">
              {m.calendar.weekdays.map((weekday) => (
                <span key={weekday} className="calendar-year__weekday">
                  {weekday.slice(0, 2)}
                </span>
              ))}
              {BLANKS.slice(0, offset).map((blank) => (
                <span key={blank} />
              ))}
              {Array.from({ length: count }, (_value, dayIndex) => {
                const iso = isoOf(year, month, dayIndex + 1);
                const activities = perDay.get(iso) ?? 0;
                const level = activities === 0 ? 0 : Math.min(4, Math.ceil((activities / busiest) * 4));
                return activities === 0 ? (
                  <span key={iso} className="calendar-year__day">
                    {dayIndex + 1}
                  </span>
                ) : (
                  <Tooltip key={iso} title={`${formatDateVi(iso)}: ${m.calendar.count(activities)}`}>
                    <button
                      type="button"
                      className={`calendar-year__day calendar-year__day--${level}`}
                      onClick={() => onDay(iso)}
                    >
                      {dayIndex + 1}
                    </button>
                  </Tooltip>
                );
              })}
            </div>
          </section>
        );
      })}
    </div>
  );
}
