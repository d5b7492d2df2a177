/**
 * The directive documents: central ones (seeded as metadata) and those of the units in the user's scope, filtered
 * by kind, origin, unit and dates, searched without diacritics, sorted, paged, exported as filtered.
 */
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, message, Select, type TableColumnsType, Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { DocumentListQuery } from '../../../contracts/documents';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../domain/documents';
import {
  DOCUMENTS_TEMPLATE_URL,
  type DocumentItem,
  documentQueries,
  documentsExportUrl,
} from '../../api/documents';
import { useCan } from '../../app/auth/session';
import { useMessages } from '../../app/i18n';
import { DateText } from '../../components/DateText';
import { UnitPicker } from '../../components/UnitPicker';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { ImportDrawer } from '../registry/ImportDrawer';
import { IsoDatePicker, IsoRangePicker } from '../registry/IsoDatePicker';
import { LIST_PARAM, sortOrderOf, useListParams } from '../registry/listParams';
import { registryMessages } from '../registry/messages';
import { RegistrySearch } from '../registry/RegistryFilters';
import { REGISTRY_PAGE_SIZE, RegistryTable } from '../registry/RegistryTable';
import '../registry/registry.css';
import { DocumentFormDrawer } from './DocumentFormDrawer';
import { documentsMessages } from './messages';

const ORIGINS = { co: true, khong: false } as const;

export default function DocumentsPage() {
  const m = useMessages(documentsMessages);
  const r = useMessages(registryMessages).list;
  const canWrite = useCan()('documents.write');
  const client = useQueryClient();
  const navigate = useNavigate();
  const [messageApi, messageHolder] = message.useMessage();
  const params = useListParams();
  const [text, setText] = useState(params.q);
  const typed = useDebouncedValue(text.trim(), 300);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only the settled text should touch the address.
  useEffect(() => {
    if (typed !== params.q) params.update({ [LIST_PARAM.q]: typed });
  }, [typed]);

  useEffect(() => {
    document.title = `${m.pageTitle} — ANTQ`;
  }, [m]);

  const kinds = params.kinds.filter((kind): kind is DocumentKind =>
    (DOCUMENT_KINDS as readonly string[]).includes(kind),
  );
  const origin = params.extra(LIST_PARAM.central)[0];
  const central = origin === 'co' || origin === 'khong' ? ORIGINS[origin] : undefined;
  const filters: Omit<DocumentListQuery, 'page' | 'pageSize'> = {
    ...(params.q ? { q: params.q } : {}),
    ...(params.unit ? { unit: params.unit } : {}),
    ...(kinds.length ? { kind: kinds } : {}),
    ...(central !== undefined ? { central } : {}),
    ...(params.from ? { from: params.from } : {}),
    ...(params.to ? { to: params.to } : {}),
    ...(params.asOf ? { asOf: params.asOf } : {}),
    ...(params.sort ? { sort: params.sort as DocumentListQuery['sort'] } : {}),
  };
  const list = useQuery(
    documentQueries.list({ ...filters, page: params.page, pageSize: REGISTRY_PAGE_SIZE }),
  );
  const filtered = Object.keys(filters).some((key) => key !== 'sort');

  const columns: TableColumnsType<DocumentItem> = [
    {
      key: 'number',
      title: m.colNumber,
      width: 190,
      sorter: true,
      sortOrder: sortOrderOf(params.sort, 'number'),
      render: (_value, document) => (
        <>
          <Link to={`/van-ban/${document.id}`}>
            {document.kindLabel} {document.number}
          </Link>
          {document.seeded && <span className="registry-cell__sub muted">{m.seeded}</span>}
        </>
      ),
    },
    {
      key: 'title',
      title: m.colTitle,
      sorter: true,
      sortOrder: sortOrderOf(params.sort, 'title'),
      render: (_value, document) => (
        <>
          {document.title}
          <span className="registry-cell__sub muted">
            {[document.issuer, document.unit?.fullName].filter(Boolean).join(' · ')}
          </span>
        </>
      ),
    },
    {
      key: 'issuedOn',
      title: m.colDate,
      width: 130,
      sorter: true,
      sortOrder: sortOrderOf(params.sort, 'issuedOn'),
      responsive: ['md'],
      render: (_value, document) =>
        document.issuedOn ? <DateText value={document.issuedOn} /> : String(document.issuedYear),
    },
    {
      key: 'plans',
      title: m.colPlans,
      width: 150,
      responsive: ['lg'],
      render: (_value, document) =>
        document.implementedByCount > 0 ? (
          <Link to={`/van-ban/${document.id}?xem=ke-hoach`}>{m.plansLink(document.implementedByCount)}</Link>
        ) : (
          <span className="muted">{r.none}</span>
        ),
    },
    {
      key: 'origin',
      title: m.origin,
      width: 120,
      responsive: ['xl'],
      render: (_value, document) =>
        document.central ? <Tag color="red">{m.central}</Tag> : <Tag>{m.local}</Tag>,
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
            <Button icon={<DownloadOutlined />} href={documentsExportUrl(filters)} download>
              {r.exportExcel}
            </Button>
          </Tooltip>
        </div>
      </header>
      <div className="registry-filters">
        <RegistrySearch value={text} onChange={setText} placeholder={m.searchPlaceholder} />
        <Select<DocumentKind[]>
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          className="registry-filters__select"
          aria-label={r.kindFilter}
          placeholder={r.allKinds}
          value={kinds}
          onChange={(value) => params.update({ [LIST_PARAM.kind]: value })}
          options={DOCUMENT_KINDS.map((value) => ({ value, label: m.kinds[value] }))}
        />
        <Select<'co' | 'khong'>
          allowClear
          className="registry-filters__select"
          aria-label={m.origin}
          placeholder={m.origin}
          value={central === undefined ? undefined : central ? 'co' : 'khong'}
          onChange={(value) => params.update({ [LIST_PARAM.central]: value })}
          options={[
            { value: 'co', label: m.central },
            { value: 'khong', label: m.local },
          ]}
        />
        <div className="registry-filters__unit" title={r.unitFilter}>
          <UnitPicker
            value={params.unit ?? null}
            onChange={(value) => params.update({ [LIST_PARAM.unit]: value ? String(value) : undefined })}
            allowNational={false}
          />
        </div>
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
              placeholder={m.asOf}
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
                [LIST_PARAM.central]: undefined,
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
      <RegistryTable<DocumentItem> list={list} columns={columns} params={params} emptyText={m.empty} />
      <ImportDrawer
        open={importing}
        title={m.importTitle}
        intro={m.importIntro}
        importPath="/api/documents/import"
        templateUrl={DOCUMENTS_TEMPLATE_URL}
        onClose={() => setImporting(false)}
        onImported={() => void client.invalidateQueries({ queryKey: documentQueries.all })}
      />
      <DocumentFormDrawer
        open={creating}
        document={undefined}
        onClose={() => setCreating(false)}
        onSaved={(saved) => {
          setCreating(false);
          void messageApi.success(m.form.created(saved.number));
          void client.invalidateQueries({ queryKey: documentQueries.all });
          navigate(`/van-ban/${saved.id}`);
        }}
      />
    </div>
  );
}
