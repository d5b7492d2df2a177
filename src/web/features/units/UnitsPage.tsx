/**
 * The hierarchy browser: the date switch on top; search and the lazily loaded tree on the left; the selected
 * unit (or the map of provinces) on the right. The address holds the unit and the date, so every view can be
 * shared as a link: /don-vi/123?ngay=2025-06-30.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Skeleton, Tabs } from 'antd';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { unitQueries } from '../../api/units';
import { useCurrentUser } from '../../app/auth/session';
import { PageMessage } from '../../app/ErrorPages';
import { useT } from '../../app/i18n';
import { DateSwitch } from './DateSwitch';
import { ProvinceMapPanel } from './ProvinceMapPanel';
import { UnitSearch } from './UnitSearch';
import { UnitTree } from './UnitTree';
import { unitHref, useAsOf } from './useAsOf';
import './units.css';

const UnitDetailPanel = lazy(() => import('./UnitDetailPanel'));

type PanelTab = 'detail' | 'map';

function parseUnitId(raw: string | undefined): number | 'invalid' | undefined {
  if (raw === undefined) return undefined;
  return /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : 'invalid';
}

const NARROW_SCREEN = '(max-width: 991px)';

export default function UnitsPage() {
  const t = useT();
  const navigate = useNavigate();
  const params = useParams();
  const parsedId = parseUnitId(params.id);
  const unitId = typeof parsedId === 'number' ? parsedId : undefined;
  const { asOf, today, invalid, setAsOf } = useAsOf();
  const [tab, setTab] = useState<PanelTab>('detail');
  const national = useCurrentUser().unit === null;
  const panel = useRef<HTMLDivElement>(null);

  const detail = useQuery({ ...unitQueries.detail(unitId ?? 0, asOf), enabled: unitId !== undefined });
  const revealPath =
    detail.data?.existsOnDate && detail.data.id === unitId
      ? detail.data.ancestors.map((ancestor) => ancestor.id)
      : undefined;

  useEffect(() => {
    if (unitId === undefined) return;
    setTab('detail');
    // On a phone the panel sits below the tree: bring it up so that the choice visibly did something.
    if (window.matchMedia(NARROW_SCREEN).matches) panel.current?.scrollIntoView({ block: 'start' });
  }, [unitId]);

  useEffect(() => {
    const name = detail.data?.fullName ?? t.units.pageTitle;
    document.title = `${name} — ANTQ`;
  }, [detail.data?.fullName, t]);

  if (parsedId === 'invalid') {
    return <PageMessage title={t.errors.pageNotFound} detail={t.errors.pageNotFoundDetail} />;
  }

  const open = (id: number, date = asOf) => navigate(unitHref(id, date));

  return (
    <div className="units-page">
      <header className="units-page__header">
        <div className="units-page__heading">
          <h1 className="units-page__title">{t.units.pageTitle}</h1>
          <p className="muted units-page__intro">{t.units.pageIntro}</p>
        </div>
        <div className="units-page__date">
          <DateSwitch asOf={asOf} today={today} setAsOf={setAsOf} />
          <span className="muted units-page__viewing" aria-live="polite">
            {t.units.viewingOn(asOf)}
          </span>
        </div>
      </header>
      {invalid && <Alert type="warning" showIcon title={t.units.invalidDate} className="units-page__alert" />}
      <div className="units-page__body">
        <Card size="small" className="units-browser" title={t.units.treeTitle}>
          <UnitSearch asOf={asOf} today={today} {...(unitId ? { selectedId: unitId } : {})} />
          <UnitTree
            key={asOf}
            asOf={asOf}
            selectedId={unitId}
            revealPath={revealPath}
            onSelect={(id) => open(id)}
          />
        </Card>
        <div ref={panel} className="units-panel">
          <Card size="small">
            <Tabs
              activeKey={tab}
              onChange={(key) => setTab(key as PanelTab)}
              items={[
                {
                  key: 'detail',
                  label: t.units.tabDetail,
                  children:
                    unitId === undefined ? (
                      <Empty description={t.units.selectPrompt} />
                    ) : (
                      <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
                        <UnitDetailPanel id={unitId} asOf={asOf} />
                      </Suspense>
                    ),
                },
                // The map shows the 34 provinces: it is the national view. A user whose scope is one province
                // or commune would see the whole country coloured by the one unit they may read.
                ...(national
                  ? [
                      {
                        key: 'map',
                        label: t.units.tabMap,
                        children: <ProvinceMapPanel today={today} onOpen={(id) => open(id, today)} />,
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        </div>
      </div>
    </div>
  );
}
