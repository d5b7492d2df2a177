/**
 * The awards and award proposals of the user's scope: filtered by unit subtree, status, form, issuer, collective or
 * individual and decision dates, searched without diacritics, sorted, paged. A second tab counts them by unit.
 */
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, message, Select, type TableColumnsType, Tabs, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { AwardListQuery } from '../../../contracts/awards';
import {
  AWARD_STATUSES,
  type AwardStatus,
  RECIPIENT_CLASSES,
  type RecipientClass,
} from '../../../domain/awards';
import { formatDateVi } from '../../../domain/dates';
import { AWARDS_TEMPLATE_URL, type AwardItem, awardQueries, awardsExportUrl } from '../../api/awards';
import { useCan } from '../../app/auth/session';
import { useMessages } from '../../app/i18n';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { ImportDrawer } from '../registry/ImportDrawer';
import { IsoDatePicker, IsoRangePicker } from '../registry/IsoDatePicker';
import { LIST_PARAM, sortOrderOf, useListParams } from '../registry/listParams';
import { registryMessages } from '../registry/messages';
import { RegistrySearch, RegistryUnitFilter } from '../registry/RegistryFilters';
import { REGISTRY_PAGE_SIZE, RegistryTable } from '../registry/RegistryTable';
import { SummaryPanel } from '../registry/SummaryPanel';
import '../registry/registry.css';
import { AwardFormDrawer } from './AwardFormDrawer';
import { awardsMessages } from './messages';
import { AwardStatusTag } from './StatusTag';

const SUMMARY_TAB = 'so-lieu';
const ids = (values: readonly string[]) => values.filter((value) => /^[1-9]\d{0,9}$/.test(value)).map(Number);

export default function AwardsPage() {
  const m = useMessages(awardsMessages);
  const r = useMessages(registryMessages).list;
  const canPropose = useCan()('awards.propose');
  const client = useQueryClient();
  const navigate = useNavigate();
  const [messageApi, messageHolder] = message.useMessage();
  const params = useListParams();
  const [text, setText] = useState(params.q);
  const typed = useDebouncedValue(text.trim(), 300);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const options = useQuery(awardQueries.options());

  // biome-ignore lint/correctness/useExhaustiveDependencies: only the settled text should touch the address.
  useEffect(() => {
    if (typed !== params.q) params.update({ [LIST_PARAM.q]: typed });
  }, [typed]);

  useEffect(() => {
    document.title = `${m.pageTitle} — ANTQ`;
  }, [m]);

  const forms = ids(params.kinds);
  const issuers = ids(params.extra(LIST_PARAM.issuer));
  const statuses = (params.status?.split(',') ?? []).filter((value): value is AwardStatus =>
    (AWARD_STATUSES as readonly string[]).includes(value),
  );
  const rawClass = params.extra(LIST_PARAM.recipientClass)[0];
  const recipientClass = (RECIPIENT_CLASSES as readonly string[]).includes(rawClass ?? '')
    ? (rawClass as RecipientClass)
    : undefined;
  const filters: Omit<AwardListQuery, 'page' | 'pageSize'> = {
    ...(params.q ? { q: params.q } : {}),
    ...(params.unit ? { unit: params.unit } : {}),
    ...(statuses.length ? { status: statuses } : {}),
    ...(forms.length ? { form: forms } : {}),
    ...(issuers.length ? { issuer: issuers } : {}),
    ...(recipientClass ? { recipientClass } : {}),
    ...(params.from ? { from: params.from } : {}),
    ...(params.to ? { to: params.to } : {}),
    ...(params.asOf ? { asOf: params.asOf } : {}),
    ...(params.sort ? { sort: params.sort as AwardListQuery['sort'] } : {}),
  };
  const summaryTab = params.tab === SUMMARY_TAB;
  const list = useQuery({
    ...awardQueries.list({ ...filters, page: params.page, pageSize: REGISTRY_PAGE_SIZE }),
    enabled: !summaryTab,
  });
  const filtered = Object.keys(filters).some((key) => key !== 'sort');

  const columns: TableColumnsType<AwardItem> = [
    {
      key: 'recipient',
      title: m.colRecipient,
      sorter: true,
      sortOrder: sortOrderOf(params.sort, 'recipient'),
      render: (_value, award) => (
        <>
          <Link to={`/khen-thuong/${award.id}`}>{award.recipientName}</Link>
          <span className="registry-cell__sub muted">
            {[
              m.classes[award.recipientClass],
              award.recipientPosition,
              award.recipientWorkplace ?? award.unit.fullName,
            ]
              .filter(Boolean)
              .join(' · ')}
          </span>
        </>
      ),
    },
    {
      key: 'form',
      title: m.colForm,
      responsive: ['md'],
      render: (_value, award) => (
        <>
          {award.form.name}
          <span className="registry-cell__sub muted">{award.issuer.name}</span>
        </>
      ),
    },
    {
      key: 'decisionDate',
      title: m.colDecision,
      width: 210,
      sorter: true,
      sortOrder: sortOrderOf(params.sort, 'decisionDate'),
      responsive: ['sm'],
      render: (_value, award) =>
        m.decisionText(award.decisionNumber, award.decisionDate ? formatDateVi(award.decisionDate) : null),
    },
    {
      key: 'period',
      title: m.colPeriod,
      width: 110,
      responsive: ['lg'],
      render: (_value, award) => award.periodLabel,
    },
    {
      key: 'status',
      title: m.colStatus,
      width: 150,
      render: (_value, award) => <AwardStatusTag status={award.status} />,
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
          {canPropose && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {m.add}
            </Button>
          )}
          {canPropose && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              {r.importExcel}
            </Button>
          )}
          <Tooltip title={r.exportHint}>
            <Button icon={<DownloadOutlined />} href={awardsExportUrl(filters)} download>
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
                  <Select<AwardStatus[]>
                    mode="multiple"
                    allowClear
                    maxTagCount="responsive"
                    className="registry-filters__select"
                    aria-label={r.statusFilter}
                    placeholder={r.allStatuses}
                    value={statuses}
                    onChange={(value) => params.update({ [LIST_PARAM.status]: value.join(',') || undefined })}
                    options={AWARD_STATUSES.map((value) => ({ value, label: m.statuses[value] }))}
                  />
                  <Select<number[]>
                    mode="multiple"
                    allowClear
                    maxTagCount="responsive"
                    className="registry-filters__select"
                    aria-label={m.formFilter}
                    placeholder={m.allForms}
                    value={forms}
                    onChange={(value) => params.update({ [LIST_PARAM.kind]: value.map(String) })}
                    options={(options.data?.forms ?? []).map((item) => ({
                      value: item.id,
                      label: item.name,
                    }))}
                  />
                  <Select<number[]>
                    mode="multiple"
                    allowClear
                    maxTagCount="responsive"
                    className="registry-filters__select"
                    aria-label={m.issuerFilter}
                    placeholder={m.allIssuers}
                    value={issuers}
                    onChange={(value) => params.update({ [LIST_PARAM.issuer]: value.map(String) })}
                    options={(options.data?.issuers ?? []).map((item) => ({
                      value: item.id,
                      label: item.name,
                    }))}
                  />
                  <Select<RecipientClass>
                    allowClear
                    className="registry-filters__select"
                    aria-label={m.classFilter}
                    placeholder={m.classFilter}
                    value={recipientClass}
                    onChange={(value) => params.update({ [LIST_PARAM.recipientClass]: value })}
                    options={RECIPIENT_CLASSES.map((value) => ({ value, label: m.classes[value] }))}
                  />
                  <IsoRangePicker
                    ariaLabel={m.dateRange}
                    placeholders={[r.dateFrom, r.dateTo]}
                    value={[params.from, params.to]}
                    onChange={([from, to]) => params.update({ [LIST_PARAM.from]: from, [LIST_PARAM.to]: to })}
                  />
                  <Tooltip title={m.asOf}>
                    <span>
                      <IsoDatePicker
                        ariaLabel={m.asOf}
                        placeholder={`${m.asOf}: ${r.asOfPlaceholder}`}
                        value={params.asOf ?? null}
                        onChange={(value) => params.update({ [LIST_PARAM.asOf]: value ?? undefined })}
                      />
                    </span>
                  </Tooltip>
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
                          [LIST_PARAM.issuer]: undefined,
                          [LIST_PARAM.recipientClass]: undefined,
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
                <RegistryTable<AwardItem> list={list} columns={columns} params={params} emptyText={m.empty} />
              </>
            ),
          },
          {
            key: SUMMARY_TAB,
            label: r.tabSummary,
            children: summaryTab && <SummaryPanel registry="awards" />,
          },
        ]}
      />
      <ImportDrawer
        open={importing}
        title={m.importTitle}
        intro={m.importIntro}
        importPath="/api/awards/import"
        templateUrl={AWARDS_TEMPLATE_URL}
        onClose={() => setImporting(false)}
        onImported={() => void client.invalidateQueries({ queryKey: awardQueries.all })}
      />
      <AwardFormDrawer
        open={creating}
        award={undefined}
        onClose={() => setCreating(false)}
        onSaved={(award) => {
          setCreating(false);
          void messageApi.success(m.form.created);
          void client.invalidateQueries({ queryKey: awardQueries.all });
          navigate(`/khen-thuong/${award.id}`);
        }}
      />
    </div>
  );
}
