/**
 * The code and secret, shown once. "Save as image" draws them on a canvas and downloads a PNG (nothing leaves the
 * phone); "Print" uses the browser's print, which can also save a PDF.
 */
import { useState } from 'react';
import { Link } from 'react-router-dom';

function saveAsImage(code: string, secret: string) {
  const canvas = document.createElement('canvas');
  canvas.width = 720;
  canvas.height = 400;
  const context = canvas.getContext('2d');
  if (!context) return;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#b71c1c';
  context.fillRect(0, 0, canvas.width, 12);
  context.fillStyle = '#1f1f1f';
  context.font = 'bold 28px sans-serif';
  context.fillText('Tin báo đã gửi — Cổng thông tin công dân', 32, 70);
  context.font = '22px sans-serif';
  context.fillText('Mã theo dõi', 32, 140);
  context.fillText('Mã bí mật', 32, 250);
  context.font = 'bold 44px monospace';
  context.fillText(code, 32, 195);
  context.fillText(secret, 32, 305);
  context.font = '18px sans-serif';
  context.fillStyle = '#595959';
  context.fillText('Giữ kín mã bí mật. Tra cứu tại mục “Theo dõi” của cổng thông tin.', 32, 360);
  const link = document.createElement('a');
  link.download = `tin-bao-${code}.png`;
  link.href = canvas.toDataURL('image/png');
  link.click();
}

export function SecretCard({ code, secret }: { code: string; secret: string }) {
  const [saved, setSaved] = useState(false);
  return (
    <section className="card secret-card" aria-live="polite">
      <h1>Đã gửi tin báo</h1>
      <p>
        Cảm ơn bạn. Tin báo đã được chuyển đến Công an xã, phường nơi xảy ra sự việc. Hãy{' '}
        <strong>lưu lại hai mã dưới đây</strong>: chúng chỉ hiện <strong>một lần</strong>, cơ quan công an
        cũng không xem lại được mã bí mật.
      </p>
      <dl className="codes">
        <dt>Mã theo dõi</dt>
        <dd data-testid="tracking-code">{code}</dd>
        <dt>Mã bí mật</dt>
        <dd data-testid="tracking-secret">{secret}</dd>
      </dl>
      <div className="actions no-print">
        <button type="button" className="button" onClick={() => saveAsImage(code, secret)}>
          Lưu thành ảnh
        </button>
        <button type="button" className="button" onClick={() => window.print()}>
          In
        </button>
      </div>
      <p className="muted">
        Đừng chia sẻ mã bí mật. Ai có cả hai mã đều xem được tin nhắn của cơ quan công an với bạn.
      </p>
      <label className="check no-print">
        <input type="checkbox" checked={saved} onChange={(event) => setSaved(event.target.checked)} />
        <span>Tôi đã lưu hai mã</span>
      </label>
      {saved && (
        <Link className="button primary no-print" to="/cong-dan/tra-cuu">
          Đến trang theo dõi
        </Link>
      )}
    </section>
  );
}
