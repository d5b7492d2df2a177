/**
 * The self-management models of the user's scope: filtered by unit subtree, kind, status, exemplary flag and dates,
 * searched without diacritics, sorted, paged; exported as filtered; imported from Excel after a check of every
 * row. A second tab counts them by kind and status, with camera points and cameras, for any unit and date.
 */
import { DownloadOutlined, PlusOutlined, StarFilled, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, message, Select, type TableColumnsType, Tabs, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { ModelListQuery } from '../../../contracts/models';
import { MODEL_STATUSES, type ModelStatus } from '../../../domain/models';
import { MODELS_TEMPLATE_URL, type ModelItem, modelQueries, modelsExportUrl } from '../../api/models';
import { useCan } from '../../app/auth/session';
import { useMessages } from '../../app/i18n';
import { DateText } from '../../components/DateText';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { ImportDrawer } from '../registry/ImportDrawer';
import { IsoDatePicker, IsoRangePicker } from '../registry/IsoDatePicker';
import { LIST_PARAM, sortOrderOf, useListParams } from '../registry/listParams';
import { registryMessages } from '../registry/messages';
import { RegistrySearch, RegistryUnitFilter } from '../registry/RegistryFilters';
import { REGISTRY_PAGE_SIZE, RegistryTable } from '../registry/RegistryTable';
import { SummaryPanel } from '../registry/SummaryPanel';
import '../registry/registry.css';
import { ModelFormDrawer } from './ModelFormDrawer';
import { modelsMessages } from './messages';
import { StatusTag } from './StatusTag';

const SUMMARY_TAB = 'so-lieu';
const isStatus = (value: string | undefined): value is ModelStatus =>
  value !== undefined && (MODEL_STATUSES as readonly string[]).includes(value);

export default function ModelsPage() {
  const m = useMessages(modelsMessages);
  const r = useMessages(registryMessages).list;
  const canWrite = useCan()('registry.write');
  const client = useQueryClient();
  const navigate = useNavigate();
  const [messageApi, messageHolder] = message.useMessage();
  const params = useListParams();
  const [text, setText] = useState(params.q);
  const typed = useDebouncedValue(text.trim(), 300);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const kindList = useQuery(modelQueries.kinds());

  // biome-ignore lint/correctness/useExhaustiveDependencies: only the settled text should touch the address.
  useEffect(() => {
    if (typed !== params.q) params.update({ [LIST_PARAM.q]: typed });
  }, [typed]);

  useEffect(() => {
    document.title = `${m.pageTitle} — ANTQ`;
  }, [m]);

  const kinds = params.kinds.filter((kind) => /^[1-9]\d{0,9}$/.test(kind)).map(Number);
  const status = isStatus(params.status) ? params.status : undefined;
  const filters: Omit<ModelListQuery, 'page' | 'pageSize'> = {
    ...(params.q ? { q: params.q } : {}),
    ...(params.unit ? { unit: params.unit } : {}),
    ...(kinds.length ? { kind: kinds } : {}),
    ...(status ? { status: [status] } : {}),
    ...(params.exemplary ? { exemplary: true } : {}),
    ...(params.from ? { from: params.from } : {}),
    ...(params.to ? { to: params.to } : {}),
    ...(params.asOf ? { asOf: params.asOf } : {}),
    ...(params.sort ? { sort: params.sort as ModelListQuery['sort'] } : {}),
  };
  const summaryTab = params.tab === SUMMARY_TAB;
  const list = useQuery({
    ...modelQueries.list({ ...filters, page: params.page, pageSize: REGISTRY_PAGE_SIZE }),
    enabled: !summaryTab,
  });
  const filtered = Object.keys(filters).some((key) => key !== 'sort');

  const columns: TableColumnsType<ModelItem> = [
    {
      key: 'name',
      title: m.colName,
      sorter: true,
      sortOrder: sortOrderOf(params.sort, 'name'),
      render: (_value, model) => (
        <>
          <Link to={`/mo-hinh/${model.id}`}>{model.name}</Link>
          {model.exemplary && (
            <Tooltip title={m.exemplary}>
              <StarFilled className="exemplary-star" aria-label={m.exemplary} />
            </Tooltip>
          )}
          <span className="registry-cell__sub muted">{model.kind.name}</span>
        </>
      ),
    },
    {
      key: 'unit',
      title: m.colLeadUnit,
      sorter: true,
      sortOrder: sortOrderOf(params.sort, 'unit'),
      responsive: ['md'],
      render: (_value, model) => (
        <>
          {model.leadUnit.fullName}
          <span className="registry-cell__sub muted">
            {[model.leadUnit.parentName, model.units.length > 1 ? m.jointUnits(model.units.length - 1) : null]
              .filter(Boolean)
              .join(' · ')}
          </span>
        </>
      ),
    },
    {
      key: 'startedOn',
      title: m.colStarted,
      width: 130,
      sorter: true,
      sortOrder: sortOrderOf(params.sort, 'startedOn'),
      responsive: ['lg'],
      render: (_value, model) => <DateText value={model.startedOn} />,
    },
    {
      key: 'status',
      title: m.colStatus,
      width: 160,
      responsive: ['sm'],
      render: (_value, model) => <StatusTag status={model.status} since={model.statusSince} />,
    },
    {
      key: 'cameras',
      title: m.colCameras,
      responsive: ['lg'],
      render: (_value, model) =>
        model.kind.isCamera && model.cameraPoints !== null && model.cameras !== null ? (
          m.camerasText(model.cameraPoints, model.cameras)
        ) : (
          <span className="muted">{r.none}</span>
        ),
    },
    {
      key: 'rating',
      title: m.colRating,
      responsive: ['xl'],
      render: (_value, model) =>
        model.latestRating ? (
          m.ratingShort(model.latestRating.year, m.ratings[model.latestRating.rating])
        ) : (
          <span className="muted">{r.none}</span>
        ),
    },
  ];

  return (
    <div className="registry-page">
      {messageHolder}
      <header className="registry-page__header">
        <div>
          <h1 className="registry-page__title">{m.pageTitle}</h1>
          <p className="muted registry-page__intro">{m.pageIntro}</p>
        </div>
        <div className="registry-page__actions">
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {m.add}
            </Button>
          )}
          {canWrite && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              {r.importExcel}
            </Button>
          )}
          <Tooltip title={r.exportHint}>
            <Button icon={<DownloadOutlined />} href={modelsExportUrl(filters)} download>
              {r.exportExcel}
            </Button>
          </Tooltip>
        </div>
      </header>
      <Tabs
        activeKey={summaryTab ? SUMMARY_TAB : 'list'}
        onChange={(key) => params.update({ [LIST_PARAM.tab]: key === SUMMARY_TAB ? SUMMARY_TAB : undefined })}
        items={[
          {
            key: 'list',
            label: r.tabList,
            children: (
              <>
                <div className="registry-filters">
                  <RegistrySearch value={text} onChange={setText} placeholder={m.searchPlaceholder} />
                  <RegistryUnitFilter params={params} />
                  <Select<number[]>
                    mode="multiple"
                    allowClear
                    maxTagCount="responsive"
                    className="registry-filters__select"
                    aria-label={r.kindFilter}
                    placeholder={r.allKinds}
                    value={kinds}
                    loading={kindList.isPending}
                    onChange={(value) => params.update({ [LIST_PARAM.kind]: value.map(String) })}
                    options={(kindList.data?.items ?? []).map((kind) => ({
                      value: kind.id,
                      label: kind.name,
                    }))}
                  />
                  <Select<ModelStatus>
                    allowClear
                    className="registry-filters__select"
                    aria-label={r.statusFilter}
                    placeholder={r.allStatuses}
                    value={status}
                    onChange={(value) => params.update({ [LIST_PARAM.status]: value })}
                    options={MODEL_STATUSES.map((value) => ({ value, label: m.statuses[value] }))}
                  />
                  <IsoRangePicker
                    ariaLabel={r.dateRange}
                    placeholders={[r.dateFrom, r.dateTo]}
                    value={[params.from, params.to]}
                    onChange={([from, to]) => params.update({ [LIST_PARAM.from]: from, [LIST_PARAM.to]: to })}
                  />
                  <Tooltip title={r.asOf}>
                    <span>
                      <IsoDatePicker
                        ariaLabel={r.asOf}
                        placeholder={`${r.asOf}: ${r.asOfPlaceholder}`}
                        value={params.asOf ?? null}
                        onChange={(value) => params.update({ [LIST_PARAM.asOf]: value ?? undefined })}
                      />
                    </span>
                  </Tooltip>
                  <Checkbox
                    checked={params.exemplary}
                    onChange={(event) =>
                      params.update({ [LIST_PARAM.exemplary]: event.target.checked ? 'co' : undefined })
                    }
                  >
                    {m.exemplaryFilter}
                  </Checkbox>
                  {filtered && (
                    <Button
                      type="link"
                      onClick={() => {
                        setText('');
                        params.update({
                          [LIST_PARAM.q]: undefined,
                          [LIST_PARAM.unit]: undefined,
                          [LIST_PARAM.kind]: undefined,
                          [LIST_PARAM.status]: undefined,
                          [LIST_PARAM.exemplary]: undefined,
                          [LIST_PARAM.from]: undefined,
                          [LIST_PARAM.to]: undefined,
                          [LIST_PARAM.asOf]: undefined,
                        });
                      }}
                    >
                      {r.clear}
                    </Button>
                  )}
                </div>
                <RegistryTable<ModelItem> list={list} columns={columns} params={params} emptyText={m.empty} />
              </>
            ),
          },
          {
            key: SUMMARY_TAB,
            label: r.tabSummary,
            children: summaryTab && <SummaryPanel registry="models" />,
          },
        ]}
      />
      <ModelFormDrawer
        open={creating}
        model={undefined}
        onClose={() => setCreating(false)}
        onSaved={(model) => {
          setCreating(false);
          void messageApi.success(m.form.created(model.name));
          void client.invalidateQueries({ queryKey: modelQueries.all });
          navigate(`/mo-hinh/${model.id}`);
        }}
      />
      <ImportDrawer
        open={importing}
        title={m.importTitle}
        intro={m.importIntro}
        importPath="/api/models/import"
        templateUrl={MODELS_TEMPLATE_URL}
        onClose={() => setImporting(false)}
        onImported={() => void client.invalidateQueries({ queryKey: modelQueries.all })}
      />
    </div>
  );
}
