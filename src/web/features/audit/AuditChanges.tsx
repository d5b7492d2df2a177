/** One event of the trail opened up: each changed field before → after, the facts recorded with it, its origin. */
import { ArrowRightOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { formatInteger } from '../../../domain/numbers';
import { isRoleId } from '../../../domain/roles';
import type { AuditEvent } from '../../api/audit';
import { useMessages, useT } from '../../app/i18n';
import { auditMessages } from './messages';

/** What recordAudit stores under this key is not a field but the facts of the event (reason, counts…). */
const DETAILS_KEY = '_details';
/** The trail never keeps a secret, only that it changed (see the audit service). */
const MASK = '••••';

interface FieldChange {
  before?: unknown;
  after?: unknown;
}

function isFieldChange(value: unknown): value is FieldChange {
  return typeof value === 'object' && value !== null && ('before' in value || 'after' in value);
}

export function AuditChanges({ event }: { event: AuditEvent }) {
  const t = useT();
  const m = useMessages(auditMessages).audit;

  const show = (key: string, value: unknown): ReactNode => {
    if (value === undefined || value === null || value === '') return <span className="muted">—</span>;
    if (value === MASK) return <span className="muted">{m.masked}</span>;
    if (typeof value === 'boolean') return value ? m.yes : m.no;
    // Identifiers are codes, not quantities: no thousands separator.
    if (typeof value === 'number') return /Id$/.test(key) ? String(value) : formatInteger(value);
    if (typeof value === 'string') {
      if (key === 'role' && isRoleId(value)) return t.roles[value];
      return m.values[value] ?? value;
    }
    return <code>{JSON.stringify(value)}</code>;
  };
  const label = (key: string) => m.fields[key] ?? key;

  const entries = Object.entries(event.changes ?? {});
  const fields = entries.filter(([key, value]) => key !== DETAILS_KEY && isFieldChange(value)) as Array<
    [string, FieldChange]
  >;
  const detailsValue = event.changes?.[DETAILS_KEY];
  const details =
    typeof detailsValue === 'object' && detailsValue !== null ? Object.entries(detailsValue) : [];

  return (
    <div className="audit-changes">
      {fields.length > 0 ? (
        <table className="audit-changes__table">
          <thead>
            <tr>
              <th scope="col">{m.field}</th>
              <th scope="col">{m.before}</th>
              <td />
              <th scope="col">{m.after}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map(([key, change]) => (
              <tr key={key}>
                <th scope="row">{label(key)}</th>
                <td className="audit-changes__before">{show(key, change.before)}</td>
                <td aria-hidden="true" className="audit-changes__arrow">
                  <ArrowRightOutlined />
                </td>
                <td className="audit-changes__after">{show(key, change.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        details.length === 0 && <p className="muted audit-changes__none">{m.noChanges}</p>
      )}
      {details.length > 0 && (
        <dl className="audit-details">
          {details.map(([key, value]) => (
            <div key={key} className="audit-details__item">
              <dt>{label(key)}</dt>
              <dd>{show(key, value)}</dd>
            </div>
          ))}
        </dl>
      )}
      <p className="muted audit-origin">
        {m.clientIp}: {event.clientIp ?? '—'} · {m.requestId}: <code>{event.requestId ?? '—'}</code>
      </p>
    </div>
  );
}
