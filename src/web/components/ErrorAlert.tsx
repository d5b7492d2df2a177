import { Alert, Button } from 'antd';
import { useT } from '../app/i18n';
import { errorText } from './errorText';

/** Shows the API's own Vietnamese message when there is one, a plain explanation otherwise. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  return (
    <Alert
      type="error"
      showIcon
      title={t.errors.title}
      description={errorText(t, error)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t.errors.retry}
          </Button>
        ) : undefined
      }
    />
  );
}
