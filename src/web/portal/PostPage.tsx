import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { PublicPost } from '../../contracts/portal';
import { formatMoment, portalApi } from './api';
import { Markdown } from './Markdown';

export default function PostPage() {
  const { id = '' } = useParams();
  const [post, setPost] = useState<PublicPost | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    portalApi
      .post(id)
      .then((found) => {
        setPost(found);
        document.title = `${found.title} — Cổng thông tin công dân`;
      })
      .catch((caught: Error) => setError(caught.message));
  }, [id]);
  if (error)
    return (
      <section className="card">
        <p className="error">{error}</p>
        <Link to="/cong-dan">Về trang chủ</Link>
      </section>
    );
  if (!post) return <p className="portal-loading">Đang tải…</p>;
  return (
    <article className="card">
      <p className="muted">
        <span className="tag">{post.kind === 'news' ? 'Tin tức' : 'Pháp luật'}</span> {post.unitName} ·{' '}
        {formatMoment(post.publishedAt)}
      </p>
      <h1>{post.title}</h1>
      <Markdown text={post.body} />
      <Link to="/cong-dan">← Các bài khác</Link>
    </article>
  );
}
