import { type FormEvent, useEffect, useState } from 'react';
import { FEEDBACK_TOPIC_LABELS, FEEDBACK_TOPICS } from '../../contracts/portal';
import { formatMoment, type PortalError, portalApi, solveChallenge } from './api';
import { PlacePicker } from './PlacePicker';

export default function FeedbackPage() {
  const [topic, setTopic] = useState<(typeof FEEDBACK_TOPICS)[number]>('security_order');
  const [body, setBody] = useState('');
  const [communeCode, setCommuneCode] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string | undefined } | null>(null);
  const [receivedAt, setReceivedAt] = useState<string | null>(null);
  useEffect(() => {
    document.title = 'Phản ánh, kiến nghị — Cổng thông tin công dân';
  }, []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const challenge = await solveChallenge(() => undefined);
      const contact = {
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(phone.trim() ? { phone: phone.trim() } : {}),
      };
      const answer = await portalApi.feedback({
        topic,
        body,
        communeCode,
        ...(Object.keys(contact).length > 0 ? { contact } : {}),
        ...(challenge ? { challenge } : {}),
      });
      setReceivedAt(answer.receivedAt);
    } catch (caught) {
      const problem = caught as PortalError;
      setError({ message: problem.message, field: problem.field });
    } finally {
      setBusy(false);
    }
  };
  if (receivedAt)
    return (
      <section className="card">
        <h1>Đã nhận phản ánh</h1>
        <p>Cảm ơn bạn. Phản ánh đã được chuyển đến xã, phường lúc {formatMoment(receivedAt)}.</p>
      </section>
    );
  return (
    <form className="card" onSubmit={submit}>
      <h1>Phản ánh, kiến nghị</h1>
      <p>
        Dành cho những vấn đề ở nơi bạn sống không phải tội phạm. Nếu là tội phạm, hãy dùng mục Gửi tin báo.
      </p>
      <label className="field">
        <span>Lĩnh vực *</span>
        <select value={topic} onChange={(event) => setTopic(event.target.value as typeof topic)}>
          {FEEDBACK_TOPICS.map((value) => (
            <option key={value} value={value}>
              {FEEDBACK_TOPIC_LABELS[value]}
            </option>
          ))}
        </select>
      </label>
      <PlacePicker
        communeCode={communeCode}
        onChange={setCommuneCode}
        error={error?.field === 'communeCode' ? error.message : undefined}
      />
      <label className="field">
        <span>Nội dung *</span>
        <textarea
          rows={5}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          required
          minLength={10}
          maxLength={5000}
        />
      </label>
      <label className="field">
        <span>Họ tên (không bắt buộc)</span>
        <input value={name} onChange={(event) => setName(event.target.value)} maxLength={150} />
      </label>
      <label className="field">
        <span>Số điện thoại (không bắt buộc, để xã, phường trả lời)</span>
        <input
          value={phone}
          onChange={(event) => setPhone(event.target.value)}
          inputMode="tel"
          maxLength={20}
        />
      </label>
      <p className="muted small">
        Nội dung và thông tin liên hệ được mã hóa, chỉ dùng để xã, phường xem xét, trả lời phản ánh này.
      </p>
      {error && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
      <button className="button primary block" type="submit" disabled={busy}>
        {busy ? 'Đang gửi…' : 'Gửi phản ánh'}
      </button>
    </form>
  );
}
