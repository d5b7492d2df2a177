/**
 * The citizen portal: no login, Vietnamese, phone first. News and legal education, sending a crime report
 * (anonymous by default), following it with the code and secret, and residents' feedback. Plain HTML controls and
 * one small stylesheet keep it light on slow connections.
 */
import { lazy, type ReactNode, Suspense } from 'react';
import { BrowserRouter, Link, NavLink, Route, Routes } from 'react-router-dom';
import './portal.css';

const HomePage = lazy(() => import('./HomePage'));
const SendReportPage = lazy(() => import('./SendReportPage'));
const FollowPage = lazy(() => import('./FollowPage'));
const FeedbackPage = lazy(() => import('./FeedbackPage'));
const PostPage = lazy(() => import('./PostPage'));
const StatisticsPage = lazy(() => import('./StatisticsPage'));

function Shell({ children }: { children: ReactNode }) {
  return (
    <div className="portal">
      <header className="portal-header">
        <Link to="/cong-dan" className="portal-brand">
          <span className="portal-emblem" aria-hidden="true">
            ★
          </span>
          <span>
            <strong>Cổng thông tin công dân</strong>
            <small>Phong trào Toàn dân bảo vệ an ninh Tổ quốc</small>
          </span>
        </Link>
        <nav className="portal-nav" aria-label="Trang">
          <NavLink to="/cong-dan" end>
            Tin tức
          </NavLink>
          <NavLink to="/cong-dan/gui-to-giac">Gửi tin báo</NavLink>
          <NavLink to="/cong-dan/tra-cuu">Theo dõi</NavLink>
          <NavLink to="/cong-dan/phan-anh">Phản ánh</NavLink>
        </nav>
      </header>
      <main className="portal-main">{children}</main>
      <footer className="portal-footer">
        <p>
          Khẩn cấp, cần can thiệp ngay: gọi <a href="tel:113">113</a>. Cổng này không thay thế số khẩn cấp.
        </p>
        <p>Người tố giác được giữ bí mật danh tính theo Điều 486 Bộ luật Tố tụng hình sự.</p>
      </footer>
    </div>
  );
}

export function PortalApp() {
  return (
    <BrowserRouter>
      <Shell>
        <Suspense fallback={<p className="portal-loading">Đang tải…</p>}>
          <Routes>
            <Route path="cong-dan" element={<HomePage />} />
            <Route path="cong-dan/gui-to-giac" element={<SendReportPage />} />
            <Route path="cong-dan/tra-cuu" element={<FollowPage />} />
            <Route path="cong-dan/phan-anh" element={<FeedbackPage />} />
            <Route path="cong-dan/bai-viet/:id" element={<PostPage />} />
            <Route path="cong-dan/so-lieu" element={<StatisticsPage />} />
            <Route
              path="*"
              element={
                <section className="card">
                  <h1>Không tìm thấy trang</h1>
                  <Link to="/cong-dan">Về trang chủ</Link>
                </section>
              }
            />
          </Routes>
        </Suspense>
      </Shell>
    </BrowserRouter>
  );
}
