/**
 * The movement classification's levels and point thresholds (Xuất sắc, Khá, Trung bình, optionally Yếu): the
 * national defaults for a national user, the province's own for province staff. The server checks the order of the
 * thresholds and audits the change.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Input, InputNumber, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { LevelsBody } from '../../../contracts/classification';
import type { ApiError } from '../../api/client';
import { classificationQueries, saveLevels } from '../../api/recognition';
import { useMessages } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { recognitionMessages } from './messages';
import './recognition.css';

type Level = LevelsBody['levels'][number];

const DEFAULT_WEAK: Level = { code: 'weak', label: 'Yếu', minPoints: 0, enabled: false };

export default function LevelsPage() {
  const m = useMessages(recognitionMessages);
  const client = useQueryClient();
  const query = useQuery(classificationQueries.levels());
  const [levels, setLevels] = useState<Level[]>([]);
  const [saved, setSaved] = useState(false);
  const mutation = useMutation({
    mutationFn: (body: LevelsBody) => saveLevels(body),
    onSuccess: (next) => {
      client.setQueryData(classificationQueries.levels().queryKey, next);
      void client.invalidateQueries({ queryKey: ['classification'] });
      setSaved(true);
    },
    onError: (_error: ApiError) => setSaved(false),
  });

  useEffect(() => {
    if (!query.data) return;
    const rows = query.data.levels.map((level) => ({ ...level }));
    if (!rows.some((level) => level.code === 'weak')) rows.push({ ...DEFAULT_WEAK });
    setLevels(rows);
  }, [query.data]);
  useEffect(() => {
    document.title = `${m.levelsTitle} — ANTQ`;
  }, [m]);

  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <PageLoading />;

  const change = (code: string, patch: Partial<Level>) => {
    setSaved(false);
    setLevels((previous) => previous.map((level) => (level.code === code ? { ...level, ...patch } : level)));
  };

  return (
    <div className="page recognition-page">
      <Link to="/phan-loai-phong-trao">← {m.classificationTitle}</Link>
      <header className="page-header">
        <div>
          <h1 className="page-header__title">{m.levelsTitle}</h1>
          <p className="muted page-header__intro">{m.levelsIntro}</p>
        </div>
        <Tag color={query.data.custom ? 'blue' : 'default'}>
          {query.data.custom && query.data.provinceCode
            ? m.levelsProvince(query.data.provinceCode)
            : m.levelsNational}
        </Tag>
      </header>
      {saved && <Alert type="success" showIcon closable message={m.saved} onClose={() => setSaved(false)} />}
      {mutation.isError && <ErrorAlert error={mutation.error} />}
      <Table<Level>
        rowKey="code"
        size="middle"
        pagination={false}
        dataSource={levels}
        columns={[
          {
            title: m.levelEnabled,
            key: 'enabled',
            width: 90,
            render: (_, level) => (
              <Checkbox
                aria-label={`${m.levelEnabled} ${level.label}`}
                checked={level.enabled}
                onChange={(event) => change(level.code, { enabled: event.target.checked })}
              />
            ),
          },
          {
            title: m.levelLabel,
            key: 'label',
            render: (_, level) => (
              <Input
                aria-label={`${m.levelLabel} ${level.code}`}
                value={level.label}
                maxLength={50}
                className="recognition-level-label"
                onChange={(event) => change(level.code, { label: event.target.value })}
              />
            ),
          },
          {
            title: m.levelMinPoints,
            key: 'minPoints',
            width: 180,
            render: (_, level) => (
              <InputNumber
                aria-label={`${m.levelMinPoints} ${level.label}`}
                min={0}
                max={100}
                decimalSeparator=","
                value={level.minPoints}
                onChange={(value) => change(level.code, { minPoints: value === null ? 0 : Number(value) })}
              />
            ),
          },
        ]}
      />
      <Space className="recognition-levels-actions">
        <Button
          type="primary"
          loading={mutation.isPending}
          onClick={() =>
            mutation.mutate({
              levels: levels.map((level) => ({ ...level, label: level.label.trim() || level.code })),
            })
          }
        >
          {m.saveLevels}
        </Button>
      </Space>
    </div>
  );
}
