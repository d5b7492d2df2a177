/**
 * Sending a report. Everything but the category, what happened and the commune is optional; contact details are
 * asked only if the person wants to be called back, with a separate consent. The proof of work runs in a worker
 * while a progress bar shows; a retry (lost connection) sends the same Idempotency-Key, so it never makes a second
 * report. The code and secret are shown once, with print and save-as-image.
 */
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { CreatedReport, CreatePublicReportBody, UploadLimits } from '../../contracts/portal';
import { PointMap } from '../components/map/PointMap';
import { newIdempotencyKey, type PortalError, portalApi, solveChallenge } from './api';
import { DEFAULT_LIMITS, EVIDENCE_ACCEPT, evidenceProblem, limitsText } from './evidence';
import { PlacePicker } from './PlacePicker';
import { SecretCard } from './SecretCard';

interface FormState {
  category: string;
  description: string;
  occurredDate: string;
  occurredTime: string;
  communeCode: string;
  place: string;
  involved: string;
  lat: number | null;
  lng: number | null;
  wantsContact: boolean;
  name: string;
  phone: string;
  email: string;
  consentContact: boolean;
}

const EMPTY: FormState = {
  category: '',
  description: '',
  occurredDate: '',
  occurredTime: '',
  communeCode: '',
  place: '',
  involved: '',
  lat: null,
  lng: null,
  wantsContact: false,
  name: '',
  phone: '',
  email: '',
  consentContact: false,
};

const FIELD_OF: Record<string, keyof FormState> = {
  lat: 'lat',
  lng: 'lat',
  'contact.phone': 'phone',
  'contact.email': 'email',
  'contact.name': 'name',
};

export default function SendReportPage() {
  const [categories, setCategories] = useState<Array<{ code: string; label: string }>>([]);
  const [form, setForm] = useState<FormState>(EMPTY);
  const [files, setFiles] = useState<File[]>([]);
  const [limits, setLimits] = useState<UploadLimits>(DEFAULT_LIMITS);
  const [province, setProvince] = useState('');
  const [mapOpen, setMapOpen] = useState(false);
  const [locating, setLocating] = useState(false);
  const [key] = useState(newIdempotencyKey);
  const [phase, setPhase] = useState<'form' | 'solving' | 'sending' | 'uploading' | 'done'>('form');
  const [progress, setProgress] = useState(0);
  const [error, setError] = useState<{ message: string; field?: string | undefined } | null>(null);
  const [created, setCreated] = useState<CreatedReport | null>(null);
  const [uploadProblems, setUploadProblems] = useState<string[]>([]);
  useEffect(() => {
    document.title = 'Gửi tin báo, tố giác tội phạm — Cổng thông tin công dân';
    portalApi.categories().then(setCategories, () => setCategories([]));
    portalApi.uploadLimits().then(setLimits, () => undefined);
  }, []);
  const set = <K extends keyof FormState>(name: K, value: FormState[K]) =>
    setForm((current) => ({ ...current, [name]: value }));
  const fieldError = (name: string) =>
    error?.field && (FIELD_OF[error.field] ?? error.field) === name ? error.message : undefined;
  const fileProblems = useMemo(
    () => files.map((file) => evidenceProblem(file, limits)).filter((problem) => problem !== null),
    [files, limits],
  );

  // Only on the person's click, after the text beside the button has said what the position is used for.
  const locate = () => {
    if (!navigator.geolocation) return setError({ message: 'Trình duyệt không cho lấy vị trí hiện tại' });
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        setForm((current) => ({
          ...current,
          lat: Number(position.coords.latitude.toFixed(5)),
          lng: Number(position.coords.longitude.toFixed(5)),
        }));
      },
      () => {
        setLocating(false);
        setError({
          message:
            'Không lấy được vị trí: hãy cho phép trình duyệt dùng vị trí, chọn trên bản đồ, hoặc bỏ qua bước này',
        });
      },
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (fileProblems.length > 0) return setError({ message: fileProblems.join('; '), field: 'file' });
    const typed = form.occurredDate.trim();
    const dateParts = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(typed);
    const isoParts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typed);
    if (typed && !dateParts && !isoParts)
      return setError({
        message: 'Ngày xảy ra phải có dạng ngày/tháng/năm, ví dụ 05/10/2025',
        field: 'occurredAt',
      });
    const occurredOn = dateParts
      ? `${dateParts[3]}-${dateParts[2]!.padStart(2, '0')}-${dateParts[1]!.padStart(2, '0')}`
      : (isoParts?.[0] ?? '');
    const body: CreatePublicReportBody = {
      category: form.category,
      description: form.description,
      communeCode: form.communeCode,
      ...(occurredOn
        ? { occurredAt: form.occurredTime ? `${occurredOn}T${form.occurredTime}` : occurredOn }
        : {}),
      ...(form.place.trim() ? { place: form.place } : {}),
      ...(form.involved.trim() ? { involved: form.involved } : {}),
      ...(form.lat !== null && form.lng !== null ? { lat: form.lat, lng: form.lng } : {}),
    };
    if (form.wantsContact) {
      const contact = {
        ...(form.name.trim() ? { name: form.name.trim() } : {}),
        ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
        ...(form.email.trim() ? { email: form.email.trim() } : {}),
      };
      if (Object.keys(contact).length > 0) {
        body.contact = contact;
        body.consentContact = form.consentContact;
      }
    }
    try {
      let answer = created;
      if (!answer) {
        setPhase('solving');
        setProgress(0);
        const challenge = await solveChallenge(setProgress);
        setPhase('sending');
        answer = await portalApi.send({ ...body, ...(challenge ? { challenge } : {}) }, key);
        setCreated(answer);
      }
      if (files.length > 0) {
        setPhase('uploading');
        const problems: string[] = [];
        for (const [index, file] of files.entries()) {
          setProgress(index / files.length);
          try {
            await portalApi.attach(answer.code, answer.secret, file);
          } catch (caught) {
            problems.push(`${file.name}: ${(caught as Error).message}`);
          }
        }
        setUploadProblems(problems);
      }
      setPhase('done');
      window.scrollTo(0, 0);
    } catch (caught) {
      const problem = caught as PortalError;
      setError({ message: problem.message, field: problem.field });
      setPhase('form');
    }
  };

  if (phase === 'done' && created) {
    return (
      <>
        <SecretCard code={created.code} secret={created.secret} />
        {uploadProblems.length > 0 && (
          <section className="card">
            <p className="error">Một số tệp chưa gửi được (bạn có thể gửi lại ở trang Theo dõi):</p>
            <ul>
              {uploadProblems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </section>
        )}
      </>
    );
  }

  const busy = phase !== 'form';
  return (
    <form className="card report-form" onSubmit={submit} noValidate={false}>
      <h1>Gửi tin báo, tố giác tội phạm</h1>
      <p className="notice">
        <strong>Bạn có thể gửi ẩn danh.</strong> Hệ thống không lưu địa chỉ IP hay thông tin trình duyệt của
        bạn. Ảnh và video được xóa thông tin vị trí, máy chụp trước khi lưu; nội dung được mã hóa.
      </p>
      <p className="warning">
        Cố ý tố giác sai sự thật là hành vi vi phạm pháp luật, có thể bị xử lý hình sự (Điều 156 Bộ luật Hình
        sự).
      </p>

      <label className="field">
        <span>Loại sự việc *</span>
        <select
          value={form.category}
          onChange={(event) => set('category', event.target.value)}
          required
          aria-invalid={fieldError('category') ? true : undefined}
        >
          <option value="">— Chọn loại —</option>
          {categories.map((category) => (
            <option key={category.code} value={category.code}>
              {category.label}
            </option>
          ))}
        </select>
        {fieldError('category') && <em className="field-error">{fieldError('category')}</em>}
      </label>

      <label className="field">
        <span>Sự việc đã xảy ra *</span>
        <textarea
          rows={6}
          value={form.description}
          onChange={(event) => set('description', event.target.value)}
          required
          minLength={10}
          maxLength={10000}
          placeholder="Chuyện gì đã xảy ra, diễn ra thế nào, có còn đang tiếp diễn không…"
          aria-invalid={fieldError('description') ? true : undefined}
        />
        {fieldError('description') && <em className="field-error">{fieldError('description')}</em>}
      </label>

      <div className="row">
        <label className="field">
          <span>Ngày xảy ra</span>
          <input
            value={form.occurredDate}
            onChange={(event) => set('occurredDate', event.target.value)}
            placeholder="ngày/tháng/năm"
            inputMode="numeric"
            maxLength={10}
            aria-invalid={fieldError('occurredAt') ? true : undefined}
          />
        </label>
        <label className="field">
          <span>Giờ</span>
          <input
            type="time"
            value={form.occurredTime}
            onChange={(event) => set('occurredTime', event.target.value)}
          />
        </label>
      </div>
      {fieldError('occurredAt') && <em className="field-error">{fieldError('occurredAt')}</em>}

      <fieldset>
        <legend>Nơi xảy ra</legend>
        <PlacePicker
          communeCode={form.communeCode}
          onChange={(code) => set('communeCode', code)}
          onProvinceChange={setProvince}
          error={fieldError('communeCode')}
        />
        <label className="field">
          <span>Địa điểm cụ thể</span>
          <input
            value={form.place}
            maxLength={1000}
            onChange={(event) => set('place', event.target.value)}
            placeholder="Số nhà, đường, thôn, tổ dân phố, mô tả nơi chốn"
          />
        </label>
        <div className="location">
          <p className="muted small" id="location-purpose">
            <strong>Vị trí trên bản đồ (không bắt buộc).</strong> Nếu bạn chọn, điểm này chỉ dùng để cơ quan
            công an tìm đến đúng nơi xảy ra sự việc; được lưu mã hóa cùng tin báo. Trình duyệt sẽ hỏi bạn
            trước khi cho biết vị trí hiện tại; nếu bạn không ở nơi xảy ra, hãy chọn trên bản đồ.
          </p>
          {form.lat !== null && form.lng !== null && (
            <p data-testid="chosen-point">
              Vị trí đã chọn: {form.lat.toLocaleString('vi-VN', { maximumFractionDigits: 5 })},{' '}
              {form.lng.toLocaleString('vi-VN', { maximumFractionDigits: 5 })}{' '}
              <button
                type="button"
                className="link"
                onClick={() => setForm((current) => ({ ...current, lat: null, lng: null }))}
              >
                Bỏ vị trí
              </button>
            </p>
          )}
          <div className="location-buttons">
            <button
              type="button"
              className="button small"
              onClick={locate}
              disabled={locating}
              aria-describedby="location-purpose"
            >
              {locating ? 'Đang lấy vị trí…' : 'Dùng vị trí của tôi'}
            </button>
            <button
              type="button"
              className="button small"
              onClick={() => setMapOpen((open) => !open)}
              disabled={!province}
              aria-expanded={mapOpen}
            >
              {mapOpen ? 'Đóng bản đồ' : 'Chọn trên bản đồ'}
            </button>
          </div>
          {mapOpen && province && (
            <div className="map-pick">
              <PointMap
                provinceCode={province}
                communeCode={form.communeCode || undefined}
                point={form.lat !== null && form.lng !== null ? { lat: form.lat, lng: form.lng } : null}
                onPick={(point) => setForm((current) => ({ ...current, lat: point.lat, lng: point.lng }))}
                ariaLabel="Bản đồ xã, phường: chạm vào nơi xảy ra sự việc"
              />
              <small className="muted">Chạm vào nơi xảy ra sự việc trên bản đồ xã, phường.</small>
            </div>
          )}
        </div>
      </fieldset>

      <label className="field">
        <span>Người, phương tiện liên quan</span>
        <textarea
          rows={3}
          value={form.involved}
          maxLength={4000}
          onChange={(event) => set('involved', event.target.value)}
          placeholder="Đặc điểm nhận dạng, biển số xe, tài khoản mạng xã hội…"
        />
      </label>

      <label className="field">
        <span>Ảnh, video, tài liệu (JPG, PNG, MP4, MOV, WEBM, PDF, DOCX; {limitsText(limits)})</span>
        <input
          type="file"
          accept={EVIDENCE_ACCEPT}
          multiple
          onChange={(event) => setFiles(Array.from(event.target.files ?? []).slice(0, limits.maxFiles))}
        />
        {files.length > 0 && <small className="muted">Đã chọn {files.length} tệp</small>}
        {fileProblems.length > 0 && <em className="field-error">{fileProblems.join('; ')}</em>}
        <small className="muted">
          Ảnh và video được xóa thông tin vị trí, thiết bị, thời điểm chụp trước khi lưu; hình ảnh và âm thanh
          thì giữ nguyên, nên hãy để ý những gì có thể cho biết bạn là ai. Tài liệu PDF, Word được lưu như bạn
          gửi: hãy xóa tên tác giả trong thuộc tính tệp nếu không muốn để lại.
        </small>
      </label>

      <fieldset>
        <legend>Liên hệ lại (không bắt buộc)</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={form.wantsContact}
            onChange={(event) => set('wantsContact', event.target.checked)}
          />
          <span>Tôi muốn để lại thông tin để cơ quan công an liên hệ khi cần</span>
        </label>
        {form.wantsContact && (
          <>
            <label className="field">
              <span>Họ tên</span>
              <input
                value={form.name}
                maxLength={150}
                onChange={(event) => set('name', event.target.value)}
                autoComplete="name"
              />
            </label>
            <label className="field">
              <span>Số điện thoại</span>
              <input
                value={form.phone}
                inputMode="tel"
                maxLength={20}
                onChange={(event) => set('phone', event.target.value)}
                autoComplete="tel"
                aria-invalid={fieldError('phone') ? true : undefined}
              />
              {fieldError('phone') && <em className="field-error">{fieldError('phone')}</em>}
            </label>
            <label className="field">
              <span>Thư điện tử</span>
              <input
                type="email"
                value={form.email}
                maxLength={200}
                onChange={(event) => set('email', event.target.value)}
                autoComplete="email"
              />
              {fieldError('email') && <em className="field-error">{fieldError('email')}</em>}
            </label>
            <label className="check consent">
              <input
                type="checkbox"
                checked={form.consentContact}
                onChange={(event) => set('consentContact', event.target.checked)}
              />
              <span>
                Tôi đồng ý để Công an xã, phường tiếp nhận tin báo{' '}
                <strong>dùng các thông tin liên hệ trên chỉ để liên hệ lại với tôi</strong> về tin báo này.
                Thông tin được mã hóa, chỉ cán bộ được giao giải quyết xem được, giữ bí mật theo Điều 486 Bộ
                luật Tố tụng hình sự và Luật Bảo vệ dữ liệu cá nhân.
              </span>
            </label>
            {fieldError('consentContact') && <em className="field-error">{fieldError('consentContact')}</em>}
          </>
        )}
      </fieldset>

      <details className="purposes">
        <summary>Những gì được lưu và để làm gì</summary>
        <ul>
          <li>
            <strong>Nội dung tin báo, địa điểm, ảnh, video, tài liệu:</strong> để cơ quan công an kiểm tra,
            xác minh, giải quyết theo Bộ luật Tố tụng hình sự. Lưu mã hóa; ảnh, video đã xóa thông tin vị trí,
            máy chụp.
          </li>
          <li>
            <strong>Vị trí trên bản đồ (nếu bạn chọn):</strong> chỉ để tìm đến đúng nơi xảy ra sự việc; lưu mã
            hóa, không công bố.
          </li>
          <li>
            <strong>Xã, phường và loại sự việc:</strong> để chuyển tin đến đúng nơi và thống kê (thống kê công
            bố không hiện số dưới 5).
          </li>
          <li>
            <strong>Thông tin liên hệ (nếu bạn đồng ý):</strong> chỉ để liên hệ lại về tin báo này.
          </li>
          <li>
            <strong>Không lưu:</strong> địa chỉ IP, thông tin trình duyệt, mã bí mật của bạn (chỉ lưu dạng băm
            để kiểm tra).
          </li>
        </ul>
      </details>

      {error && !error.field && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
      {error?.field && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}

      {busy ? (
        <div className="progress" role="status">
          <span>
            {phase === 'solving' && 'Đang kiểm tra chống gửi tự động…'}
            {phase === 'sending' && 'Đang gửi tin báo…'}
            {phase === 'uploading' && 'Đang gửi tệp đính kèm…'}
          </span>
          <progress value={phase === 'sending' ? undefined : progress} max={1} />
        </div>
      ) : (
        <button className="button primary block" type="submit">
          {created ? 'Gửi lại' : 'Gửi tin báo'}
        </button>
      )}
      <p className="muted small">
        Đã gửi rồi? <Link to="/cong-dan/tra-cuu">Theo dõi tin báo</Link>
      </p>
    </form>
  );
}
