/**
 * Following a report with the code and secret: status, the receiving body's messages (never an officer's name),
 * a reply, more photos. The secret stays in this page's memory only.
 */
import { type FormEvent, useEffect, useState } from 'react';
import type { PublicReportView } from '../../contracts/portal';
import { formatMoment, type PortalError, portalApi } from './api';
import { EVIDENCE_ACCEPT } from './evidence';

export default function FollowPage() {
  const [code, setCode] = useState('');
  const [secret, setSecret] = useState('');
  const [report, setReport] = useState<PublicReportView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [reply, setReply] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  useEffect(() => {
    document.title = 'Theo dõi tin báo — Cổng thông tin công dân';
  }, []);

  const run = async (work: () => Promise<PublicReportView>, done?: string) => {
    setBusy(true);
    setError(null);
    setSent(null);
    try {
      setReport(await work());
      if (done) setSent(done);
    } catch (caught) {
      setError((caught as PortalError).message);
    } finally {
      setBusy(false);
    }
  };
  const open = (event: FormEvent) => {
    event.preventDefault();
    void run(() => portalApi.follow(code.trim(), secret.trim()));
  };
  const answer = (event: FormEvent) => {
    event.preventDefault();
    if (!reply.trim()) return;
    void run(() => portalApi.reply(code.trim(), secret.trim(), reply.trim()), 'Đã gửi tin nhắn').then(() =>
      setReply(''),
    );
  };

  if (!report) {
    return (
      <form className="card" onSubmit={open}>
        <h1>Theo dõi tin báo</h1>
        <p>Nhập mã theo dõi và mã bí mật bạn nhận được khi gửi tin báo.</p>
        <label className="field">
          <span>Mã theo dõi</span>
          <input
            value={code}
            onChange={(event) => setCode(event.target.value)}
            required
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            placeholder="VD: 7KQ2M-9XW4D"
          />
        </label>
        <label className="field">
          <span>Mã bí mật</span>
          <input
            value={secret}
            onChange={(event) => setSecret(event.target.value)}
            required
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            type="password"
            placeholder="VD: ABCD-EFGH-JKMN-PQRS"
          />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button className="button primary block" type="submit" disabled={busy}>
          {busy ? 'Đang tra cứu…' : 'Xem tin báo'}
        </button>
      </form>
    );
  }

  return (
    <>
      <section className="card">
        <p className="muted">Mã theo dõi {report.code}</p>
        <h1>{report.statusLabel}</h1>
        <dl className="facts">
          <dt>Loại sự việc</dt>
          <dd>{report.category}</dd>
          <dt>Gửi lúc</dt>
          <dd>{formatMoment(report.receivedAt)}</dd>
          <dt>Đơn vị giải quyết</dt>
          <dd>{report.receivingUnit}</dd>
          <dt>Cập nhật</dt>
          <dd>{formatMoment(report.updatedAt)}</dd>
        </dl>
      </section>
      <section className="card">
        <h2>Trao đổi</h2>
        {report.messages.length === 0 && <p className="muted">Chưa có tin nhắn nào.</p>}
        <ol className="messages">
          {report.messages.map((message) => (
            <li key={message.id} className={message.from === 'officer' ? 'from-officer' : 'from-reporter'}>
              <strong>{message.from === 'officer' ? 'Cơ quan tiếp nhận' : 'Bạn'}</strong>
              <p>{message.body}</p>
              <small>{formatMoment(message.at)}</small>
            </li>
          ))}
        </ol>
        <form onSubmit={answer}>
          <label className="field">
            <span>Trả lời hoặc bổ sung thông tin</span>
            <textarea
              rows={3}
              value={reply}
              maxLength={4000}
              onChange={(event) => setReply(event.target.value)}
            />
          </label>
          <button className="button primary" type="submit" disabled={busy || !reply.trim()}>
            Gửi tin nhắn
          </button>
        </form>
        <label className="field">
          <span>Gửi thêm ảnh, video, tài liệu</span>
          <input
            type="file"
            accept={EVIDENCE_ACCEPT}
            disabled={busy}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void run(() => portalApi.attach(code.trim(), secret.trim(), file), 'Đã gửi tệp');
              event.target.value = '';
            }}
          />
        </label>
        {report.files.length > 0 && <p className="muted">Đã gửi {report.files.length} tệp.</p>}
        {sent && (
          <p className="success" role="status">
            {sent}
          </p>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </section>
    </>
  );
}
