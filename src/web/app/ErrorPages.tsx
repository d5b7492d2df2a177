import { Button } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useT } from './i18n';

/** A plain message block: Ant Design's Result would bring its large illustrations into the first download. */
export function PageMessage({
  title,
  detail,
  action,
}: {
  title: string;
  detail: string;
  action?: ReactNode;
}) {
  return (
    <div className="page-message" role="alert">
      <h1 className="page-message__title">{title}</h1>
      <p className="muted">{detail}</p>
      {action}
    </div>
  );
}

export function NotFoundPage() {
  const t = useT();
  return (
    <PageMessage
      title={t.errors.pageNotFound}
      detail={t.errors.pageNotFoundDetail}
      action={
        <Link to="/don-vi">
          <Button type="primary">{t.errors.backHome}</Button>
        </Link>
      }
    />
  );
}

/** A page that threw, most often a chunk that vanished because a new build replaced the old one. */
export function RouteErrorPage() {
  const t = useT();
  return (
    <PageMessage
      title={t.errors.pageCrashed}
      detail={t.errors.pageCrashedDetail}
      action={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t.errors.reload}
        </Button>
      }
    />
  );
}
