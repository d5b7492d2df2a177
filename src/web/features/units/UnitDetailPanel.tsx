/**
 * One unit on one date: where it sits, what it is, how long it has existed, what it came from and what it became.
 * Lineage links open the other unit on the date that makes sense for it: a predecessor on the day before the
 * change (its last day), a successor on the day of the change (its first day).
 * A chunk of its own (default export for React.lazy): the landing page shows no unit yet.
 */
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Breadcrumb,
  Button,
  Descriptions,
  type DescriptionsProps,
  Skeleton,
  Tag,
  Timeline,
} from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { IsoDate } from '../../../domain/dates';
import { normalizeForSearch } from '../../../domain/text';
import { dayBefore, type LineageChange } from '../../../domain/units';
import { type LineageLink, type UnitDetail, unitQueries } from '../../api/units';
import { useCan } from '../../app/auth/session';
import { useT } from '../../app/i18n';
import type { Messages } from '../../app/i18n/vi';
import { DateText } from '../../components/DateText';
import { DemoTag } from '../../components/DemoTag';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NumberText } from '../../components/NumberText';
import { unitHref } from './useAsOf';

function formatPeriod(t: Messages, from: IsoDate | null, to: IsoDate | null): string {
  const start = from ? t.units.validFrom(from) : t.units.validBeforeRecords;
  const end = to ? t.units.validTo(to) : t.units.validUntilNow;
  return `${start} ${end}`;
}

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

function changeLabel(t: Messages, change: LineageChange): string {
  if (change === 'merge') return t.units.changeMerge;
  if (change === 'split') return t.units.changeSplit;
  return t.units.changeRename;
}

const RELATION_NOTES = new Set(['nhap toan bo', 'nhap mot phan']);

/** The official crosswalk repeats the relation as a note on most rows ("Nhập toàn bộ"); the tag already says it. */
function informativeNote(link: LineageLink): string | null {
  if (!link.note || RELATION_NOTES.has(normalizeForSearch(link.note))) return null;
  return link.note;
}

function LineageSection({
  title,
  hint,
  links,
  dateOf,
}: {
  title: string;
  hint: string;
  links: LineageLink[];
  dateOf: (link: LineageLink) => IsoDate;
}) {
  const t = useT();
  if (links.length === 0) return null;
  return (
    <section className="unit-section" aria-label={title}>
      <h3 className="unit-section__title">
        {title} <span className="unit-section__count">({links.length})</span>
      </h3>
      <p className="muted unit-section__hint">{hint}</p>
      <ul className="lineage-list">
        {links.map((link) => (
          <li key={`${link.unit.id}-${link.effectiveDate}`} className="lineage-item">
            <div className="lineage-item__main">
              <Link to={unitHref(link.unit.id, dateOf(link))} className="lineage-item__name">
                {link.unit.fullName}
              </Link>
              <Tag color={link.relation === 'whole' ? 'blue' : 'orange'} variant="filled">
                {link.relation === 'whole' ? t.units.relationWhole : t.units.relationPartial}
              </Tag>
            </div>
            <div className="muted lineage-item__meta">
              {capitalise(
                [link.parentName, t.units.changedOn(changeLabel(t, link.change), link.effectiveDate)]
                  .filter(Boolean)
                  .join(' · '),
              )}
            </div>
            {(informativeNote(link) || link.legalBasis) && (
              <div className="lineage-item__note">
                {[informativeNote(link), link.legalBasis].filter(Boolean).join(' · ')}
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function VersionHistory({ unit }: { unit: UnitDetail }) {
  const t = useT();
  const viewed = (from: IsoDate | null, to: IsoDate | null) =>
    (from === null || from <= unit.asOf) && (to === null || to >= unit.asOf);
  const items = [...unit.versions].reverse().map((version) => {
    const current = viewed(version.validFrom, version.validTo);
    return {
      key: `${version.validFrom ?? 'start'}`,
      color: current ? 'blue' : 'gray',
      content: (
        <div className="version">
          <div className="version__period">
            {t.units.versionPeriod(version.validFrom, version.validTo)}
            {current && (
              <Tag className="version__current" color="blue">
                {t.units.currentVersion}
              </Tag>
            )}
          </div>
          <strong>{version.fullName}</strong>
          <div className="muted">
            {t.units.typeName}: {version.typeName}
            {version.parent && (
              <>
                {' · '}
                {t.units.parent}:{' '}
                <Link to={unitHref(version.parent.id, version.validTo ?? version.validFrom ?? unit.asOf)}>
                  {version.parent.fullName}
                </Link>
              </>
            )}
          </div>
          {version.legalBasis && (
            <div className="muted">
              {t.units.legalBasis}: {version.legalBasis}
            </div>
          )}
        </div>
      ),
    };
  });
  return (
    <section className="unit-section">
      <h3 className="unit-section__title">{t.units.historyTitle}</h3>
      <Timeline items={items} />
    </section>
  );
}

function NotOnDateAlert({ unit }: { unit: UnitDetail }) {
  const t = useT();
  const suggested = unit.validTo ?? unit.validFrom;
  return (
    <Alert
      type="warning"
      showIcon
      className="unit-alert"
      title={t.units.notExisting(unit.asOf)}
      description={t.units.existedPeriod(formatPeriod(t, unit.validFrom, unit.validTo))}
      action={
        suggested ? (
          <Link to={unitHref(unit.id, suggested)}>
            <Button size="small">{t.units.openOnDate(suggested)}</Button>
          </Link>
        ) : undefined
      }
    />
  );
}

/**
 * The ancestors a user may open: those from the top of their scope down. Above it (the province of a commune
 * officer) the server answers "not found", so those are named without a link.
 */
function ancestorsInScope(unit: UnitDetail, rootIds: ReadonlySet<number> | undefined): ReadonlySet<number> {
  const ids = unit.ancestors.map((ancestor) => ancestor.id);
  if (!rootIds) return new Set(ids);
  if (rootIds.has(unit.id)) return new Set();
  const start = ids.findIndex((id) => rootIds.has(id));
  return new Set(start === -1 ? ids : ids.slice(start));
}

const UnitTimeline = lazy(() =>
  import('../activities/UnitTimeline').then((module) => ({ default: module.UnitTimeline })),
);

/**
 * What happened at the unit (activities, awards, feedback, documents): loaded only when opened. A plain button, not
 * Ant Design's Collapse: this panel is on the first page after login, whose download has a budget.
 */
function EventsSection({ unit }: { unit: UnitDetail }) {
  const t = useT();
  const can = useCan();
  const [open, setOpen] = useState(false);
  if (!can('activities.read') || !unit.existsOnDate) return null;
  return (
    <section className="unit-section">
      <Button
        type="link"
        className="unit-section__toggle"
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
      >
        {open ? '▾' : '▸'} {t.units.timelineTitle}
      </Button>
      {open && (
        <Suspense fallback={<Skeleton active paragraph={{ rows: 3 }} />}>
          <UnitTimeline unitId={unit.id} compact />
        </Suspense>
      )}
    </section>
  );
}

export function UnitDetailView({ unit, rootIds }: { unit: UnitDetail; rootIds?: ReadonlySet<number> }) {
  const t = useT();
  const openable = ancestorsInScope(unit, rootIds);
  const facts: DescriptionsProps['items'] = [
    { key: 'code', label: t.units.code, children: unit.code },
    { key: 'kind', label: t.units.kind, children: t.kinds[unit.kind] },
    { key: 'type', label: t.units.typeName, children: unit.typeName },
    {
      key: 'parent',
      label: t.units.parent,
      children: unit.parentId ? (
        openable.has(unit.parentId) ? (
          <Link to={unitHref(unit.parentId, unit.asOf)}>{unit.parentName}</Link>
        ) : (
          unit.parentName
        )
      ) : (
        <span className="muted">—</span>
      ),
    },
    { key: 'validity', label: t.units.validity, children: formatPeriod(t, unit.validFrom, unit.validTo) },
    {
      key: 'children',
      label: t.units.children,
      children:
        unit.childCounts.length === 0 ? (
          <span className="muted">{t.units.noChildren}</span>
        ) : (
          <ul className="child-counts">
            {unit.childCounts.map((entry) => (
              <li key={entry.kind}>
                {t.kinds[entry.kind]}: <NumberText value={entry.count} />
              </li>
            ))}
          </ul>
        ),
    },
  ];

  return (
    <article className="unit-detail" aria-labelledby="unit-detail-name">
      {unit.ancestors.length > 0 && (
        <Breadcrumb
          className="unit-breadcrumb"
          items={[
            ...unit.ancestors.map((ancestor) => ({
              key: ancestor.id,
              title: openable.has(ancestor.id) ? (
                <Link to={unitHref(ancestor.id, unit.asOf)}>{ancestor.fullName}</Link>
              ) : (
                ancestor.fullName
              ),
            })),
            { key: unit.id, title: unit.fullName },
          ]}
        />
      )}
      <h2 id="unit-detail-name" className="unit-detail__name">
        {unit.fullName}
        <DemoTag source={unit.source} />
      </h2>
      <div className="unit-detail__tags">
        <Tag>{t.kinds[unit.kind]}</Tag>
        <span className="muted">
          {t.units.shownOn} <DateText value={unit.asOf} />
        </span>
      </div>
      {!unit.existsOnDate && <NotOnDateAlert unit={unit} />}
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 3 }}
        items={facts}
        className="unit-facts"
      />
      <LineageSection
        title={t.units.predecessorsTitle}
        hint={t.units.predecessorsHint}
        links={unit.predecessors}
        dateOf={(link) => dayBefore(link.effectiveDate)}
      />
      <LineageSection
        title={t.units.successorsTitle}
        hint={t.units.successorsHint}
        links={unit.successors}
        dateOf={(link) => link.effectiveDate}
      />
      <EventsSection unit={unit} />
      <VersionHistory unit={unit} />
    </article>
  );
}

export default function UnitDetailPanel({ id, asOf }: { id: number; asOf: IsoDate }) {
  const detail = useQuery(unitQueries.detail(id, asOf));
  // Already loaded by the tree beside this panel.
  const roots = useQuery(unitQueries.roots(asOf));
  const rootIds = useMemo(
    () => (roots.data ? new Set(roots.data.items.map((root) => root.id)) : undefined),
    [roots.data],
  );
  if (detail.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (detail.isError) return <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  return <UnitDetailView unit={detail.data} {...(rootIds ? { rootIds } : {})} />;
}
