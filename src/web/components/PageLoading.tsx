import { Spin } from 'antd';
import { useT } from '../app/i18n';

export function PageLoading() {
  const t = useT();
  return (
    <div className="page-loading" role="status">
      <Spin description={t.app.loading} />
    </div>
  );
}
