import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { formatMoment, portalApi } from './api';

type PostSummary = Awaited<ReturnType<typeof portalApi.posts>>['items'][number];

export default function HomePage() {
  const [posts, setPosts] = useState<PostSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    document.title = 'Cổng thông tin công dân — ANTQ';
    portalApi
      .posts()
      .then((page) => setPosts(page.items))
      .catch((caught: Error) => setError(caught.message));
  }, []);
  return (
    <>
      <section className="card hero">
        <h1>Bạn biết về một hành vi phạm tội?</h1>
        <p>
          Gửi tin báo cho Công an xã, phường nơi xảy ra sự việc. Có thể <strong>không để lại tên</strong>; bạn
          nhận mã theo dõi để xem kết quả và trao đổi với cơ quan công an.
        </p>
        <div className="actions">
          <Link className="button primary" to="/cong-dan/gui-to-giac">
            Gửi tin báo, tố giác
          </Link>
          <Link className="button" to="/cong-dan/tra-cuu">
            Theo dõi tin đã gửi
          </Link>
        </div>
      </section>
      <section className="card">
        <h2>Tin tức và tuyên truyền pháp luật</h2>
        {error && <p className="error">{error}</p>}
        {posts === null && !error && <p className="muted">Đang tải…</p>}
        {posts?.length === 0 && <p className="muted">Chưa có bài viết nào.</p>}
        <ul className="post-list">
          {posts?.map((post) => (
            <li key={post.id}>
              <Link to={`/cong-dan/bai-viet/${post.id}`}>
                <span className="tag">{post.kind === 'news' ? 'Tin tức' : 'Pháp luật'}</span>
                <strong>{post.title}</strong>
              </Link>
              {post.summary && <p>{post.summary}</p>}
              <small className="muted">
                {post.unitName} · {formatMoment(post.publishedAt)}
              </small>
            </li>
          ))}
        </ul>
      </section>
      <section className="card">
        <h2>Phản ánh, kiến nghị</h2>
        <p>Vấn đề về an ninh, trật tự, giao thông, môi trường ở nơi bạn sống mà không phải là tội phạm?</p>
        <Link className="button" to="/cong-dan/phan-anh">
          Gửi phản ánh
        </Link>
      </section>
      <section className="card">
        <h2>Số liệu công khai</h2>
        <p>Số tin báo, tố giác người dân đã gửi qua cổng, theo tỉnh, loại sự việc và tháng.</p>
        <Link className="button" to="/cong-dan/so-lieu">
          Xem số liệu
        </Link>
      </section>
    </>
  );
}
