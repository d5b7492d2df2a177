/**
 * Tổng quan: the first page after signing in. The headline figures of the user's unit (or of any unit below it)
 * for a period, each with its change against the previous period of equal length; the trend; a map of one
 * indicator by province or commune whose units open their own overview; the classification and recognition
 * spread; and what is overdue. Charts and the map are lazy chunks: the page's own code stays small.
 */
import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Radio, Space, Spin } from 'antd';
import { lazy, Suspense, useEffect, useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { formatDateVi, todayInVietnam } from '../../../domain/dates';
import { formatDecimal, formatInteger } from '../../../domain/numbers';
import { type DashboardResponse, dashboardQueries, type Kpi } from '../../api/dashboard';
import { useMessages } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DashCard } from './DashCard';
import { dashboardMessages } from './messages';
import './dashboard.css';

const DashboardMap = lazy(() => import('./DashboardMap'));
const PeriodRange = lazy(() => import('./PeriodRange'));
const TrendChart = lazy(() => import('../../components/charts/TrendChart'));
const BarChart = lazy(() => import('../../components/charts/BarChart'));
const PieChart = lazy(() => import('../../components/charts/PieChart'));

export type Messages = (typeof dashboardMessages)['vi'];
const PRESETS = ['nam-nay', 'nam-truoc', '6-thang', 'quy', 'thang', 'giai-doan', 'tuy-chon'] as const;
type Preset = (typeof PRESETS)[number];

/** The period a preset means today; the custom range reads `tu` and `den`. */
function presetPeriod(preset: Preset, today: string, params: URLSearchParams): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const monthStart = (y: number, m: number) => {
    const total = y * 12 + (m - 1);
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-01`;
  };
  switch (preset) {
    case 'nam-truoc':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
    case '6-thang':
      return { from: monthStart(year, month - 5), to: today };
    case 'quy':
      return { from: monthStart(year, month - ((month - 1) % 3)), to: today };
    case 'thang':
      return { from: monthStart(year, month), to: today };
    case 'giai-doan':
      return { from: '2014-01-01', to: '2023-12-31' };
    case 'tuy-chon':
      return { from: params.get('tu') ?? `${year}-01-01`, to: params.get('den') ?? today };
    default:
      return { from: `${year}-01-01`, to: today };
  }
}

/** The period's name, then its dates unless the name already says them. */
function periodText(period: { from: string; to: string; label: string }): string {
  const dates = `${formatDateVi(period.from)} – ${formatDateVi(period.to)}`;
  return period.label.includes(formatDateVi(period.to)) ? period.label : `${period.label}, ${dates}`;
}

const signed = (value: number, format: (value: number) => string) =>
  value > 0 ? `+${format(value)}` : value < 0 ? `−${format(-value)}` : format(0);

function KpiCard({ kpi, m }: { kpi: Kpi; m: Messages }) {
  const share = kpi.measure === 'share';
  const format = (value: number) => (share ? `${formatDecimal(value)}%` : formatInteger(value));
  const direction = kpi.delta > 0 ? 'up' : kpi.delta < 0 ? 'down' : 'flat';
  const Icon =
    direction === 'up' ? ArrowUpOutlined : direction === 'down' ? ArrowDownOutlined : MinusOutlined;
  const deltaText = share ? `${signed(kpi.delta, formatDecimal)} điểm %` : signed(kpi.delta, formatInteger);
  const percentText =
    kpi.percent === null
      ? kpi.previous === 0 && kpi.value > 0
        ? m.newSinceZero
        : null
      : `${signed(kpi.percent, formatDecimal)}%`;
  return (
    <div className="kpi-card">
      <div className="kpi-card__label">{kpi.label}</div>
      <div className="kpi-card__value">
        {format(kpi.value)}
        {!share && <span className="kpi-card__unit"> {kpi.unitOfMeasure}</span>}
      </div>
      <div className={`kpi-card__change kpi-card__change--${direction}`}>
        {direction === 'flat' ? (
          <span>
            <Icon /> {m.noChange}
          </span>
        ) : (
          <span>
            <Icon /> {deltaText}
            {percentText && ` (${percentText})`}
          </span>
        )}
      </div>
      <div className="kpi-card__previous muted">
        {m.previousValue}: {format(kpi.previous)}
        {kpi.detail && <> · {kpi.detail}</>}
      </div>
    </div>
  );
}

function OverdueCard({ data, m }: { data: DashboardResponse; m: Messages }) {
  const { recognition, crimeReports } = data.overdue;
  const items = [
    recognition.count > 0 && (
      <li key="recognition">
        <Link to={recognition.link}>{m.overdueRecognition(formatInteger(recognition.count))}</Link>
      </li>
    ),
    crimeReports && (
      <li key="overdue" className={crimeReports.overdue > 0 ? 'overdue-list__urgent' : undefined}>
        {crimeReports.overdue > 0 ? (
          <Link to={crimeReports.overdueLink}>{m.overdueReports(formatInteger(crimeReports.overdue))}</Link>
        ) : (
          <span className="muted">{m.noOverdueReports}</span>
        )}
      </li>
    ),
    crimeReports && crimeReports.dueSoon > 0 && (
      <li key="due-soon">
        <Link to={crimeReports.dueSoonLink}>{m.dueSoonReports(formatInteger(crimeReports.dueSoon))}</Link>
      </li>
    ),
  ].filter(Boolean);
  return (
    <DashCard title={m.overdue}>
      {items.length === 0 ? (
        <p className="muted">{m.nothingOverdue}</p>
      ) : (
        <ul className="overdue-list">{items}</ul>
      )}
    </DashCard>
  );
}

export default function DashboardPage() {
  const m = useMessages(dashboardMessages);
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const today = todayInVietnam();
  const preset = (PRESETS as readonly string[]).includes(params.get('ky') ?? '')
    ? (params.get('ky') as Preset)
    : 'nam-nay';
  const period = presetPeriod(preset, today, params);
  const basis = params.get('co-so') === 'tai-thoi-diem' ? 'as_of' : 'current';
  const unitParam = params.get('don-vi');
  const indicator = params.get('chi-tieu') ?? 'activities';
  const query = {
    ...(unitParam ? { unit: Number(unitParam) } : {}),
    from: period.from,
    to: period.to,
    basis,
    indicator,
  } as const;
  const dashboard = useQuery(dashboardQueries.dashboard(query));
  const data = dashboard.data;

  const update = (changes: Record<string, string | undefined>, push = false) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: !push },
    );
  /** The same view of another unit; no unit = the reader's own (the whole country for national roles). */
  const searchFor = (unitId: number | null) => {
    const next = new URLSearchParams(params);
    if (unitId === null) next.delete('don-vi');
    else next.set('don-vi', String(unitId));
    return `?${next.toString()}`;
  };
  const openUnit = (unitId: number) => navigate({ search: searchFor(unitId) });

  const unitName = data ? (data.unit?.fullName ?? m.nation) : '';
  useEffect(() => {
    document.title = `${m.title}${unitName ? ` — ${unitName}` : ''} — ANTQ`;
  }, [m, unitName]);

  const trend = useMemo(() => {
    if (!data) return null;
    return {
      labels: data.trend.buckets.map((bucket) => bucket.label),
      series: data.trend.series.map((series) => ({
        name: series.name,
        values: series.values,
        secondary: series.indicator === 'activity_participants',
      })),
    };
  }, [data]);
  const classificationBars = useMemo(
    () => (data?.classification.levels ?? []).map((level) => ({ label: level.label, value: level.count })),
    [data],
  );
  const recognitionSlices = useMemo(() => {
    const colors: Record<string, string> = {
      recognised: '#389e0d',
      in_progress: '#1677ff',
      not_recognised: '#cf1322',
      not_registered: '#bfbfbf',
    };
    return (data?.recognition.spread ?? []).map((item) => ({
      label: item.label,
      value: item.count,
      color: colors[item.key],
    }));
  }, [data]);
  const chartLoading = <Spin description={m.chartLoading} className="dashboard-map__spin" />;

  return (
    <div className="page dashboard-page">
      <header className="page-header">
        <div>
          <h1 className="page-header__title">
            {m.title}
            {data && `: ${unitName}`}
          </h1>
          {data && (
            <p className="muted page-header__intro">
              {m.periodLine(periodText(data.period))}, {m.previousLine(periodText(data.previousPeriod))}
            </p>
          )}
        </div>
        {data && (data.parent || (data.canSeeNation && data.unit)) && (
          <Space>
            {data.parent ? (
              <Link to={{ search: searchFor(data.parent.id) }}>{m.upTo(data.parent.fullName)}</Link>
            ) : (
              <Link to={{ search: searchFor(null) }}>{m.upTo(m.nation)}</Link>
            )}
          </Space>
        )}
      </header>

      <div className="dashboard-toolbar">
        <Radio.Group
          optionType="button"
          size="small"
          value={preset}
          onChange={(event) =>
            update({ ky: event.target.value === 'nam-nay' ? undefined : event.target.value })
          }
          options={PRESETS.map((key) => ({ value: key, label: m.presets[key] }))}
          aria-label={m.period}
        />
        {preset === 'tuy-chon' && (
          <Suspense fallback={null}>
            <PeriodRange
              label={m.range}
              from={period.from}
              to={period.to}
              onChange={(from, to) => update({ tu: from, den: to })}
            />
          </Suspense>
        )}
        <Radio.Group
          size="small"
          value={basis}
          onChange={(event) =>
            update({ 'co-so': event.target.value === 'as_of' ? 'tai-thoi-diem' : undefined })
          }
          options={[
            { value: 'current', label: m.basisCurrent },
            { value: 'as_of', label: m.basisAsOf },
          ]}
          aria-label={m.basis}
        />
      </div>

      {dashboard.isError && <ErrorAlert error={dashboard.error} onRetry={() => void dashboard.refetch()} />}
      {!data && !dashboard.isError && <Spin className="dashboard-map__spin" />}
      {data && (
        <div
          className={dashboard.isPlaceholderData ? 'dashboard-body dashboard-body--stale' : 'dashboard-body'}
        >
          <section className="kpi-grid" aria-label={m.kpis}>
            {data.kpis.map((kpi) => (
              <KpiCard key={kpi.key} kpi={kpi} m={m} />
            ))}
          </section>

          <div className="dashboard-row">
            <DashCard
              className="dashboard-row__wide"
              title={data.trend.granularity === 'year' ? m.trendYear : m.trendMonth}
            >
              {trend && (
                <Suspense fallback={chartLoading}>
                  <TrendChart
                    labels={trend.labels}
                    series={trend.series}
                    ariaLabel={data.trend.granularity === 'year' ? m.trendYear : m.trendMonth}
                  />
                </Suspense>
              )}
            </DashCard>
            <OverdueCard data={data} m={m} />
          </div>

          <div className="dashboard-row">
            <div className="dashboard-row__wide">
              <Suspense fallback={chartLoading}>
                <DashboardMap
                  data={data}
                  m={m}
                  indicator={indicator}
                  onIndicator={(code) => update({ 'chi-tieu': code === 'activities' ? undefined : code })}
                  onOpen={openUnit}
                />
              </Suspense>
            </div>
            <div className="dashboard-column">
              <DashCard title={m.recognition(data.recognition.year)}>
                <p className="muted dashboard-card__line">
                  {m.recognitionShare(
                    formatInteger(
                      data.recognition.spread.find((item) => item.key === 'recognised')?.count ?? 0,
                    ),
                    formatInteger(data.recognition.units),
                    formatDecimal(data.recognition.share),
                  )}
                </p>
                {data.recognition.units === 0 ? (
                  <p className="muted">{m.nothingYet}</p>
                ) : (
                  <Suspense fallback={chartLoading}>
                    <PieChart slices={recognitionSlices} ariaLabel={m.recognition(data.recognition.year)} />
                  </Suspense>
                )}
              </DashCard>
              <DashCard title={m.classification(data.classification.year)}>
                <Suspense fallback={chartLoading}>
                  <BarChart
                    bars={classificationBars}
                    ariaLabel={m.classification(data.classification.year)}
                  />
                </Suspense>
              </DashCard>
            </div>
          </div>

          {data.notes.length > 0 && (
            <section className="dashboard-notes muted" aria-label={m.notes}>
              <ul>
                {data.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            </section>
          )}
        </div>
      )}
    </div>
  );
}
