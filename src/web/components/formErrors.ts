import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/**
 * Puts a refusal of the server on the field it names, when that field is on the form, and answers true; the
 * caller shows any other error above the form. A field inside a list ("phases.0.endsOn") goes on that row's field
 * when the form lists "phases.*".
 */
export function showOnField(form: FormInstance, error: unknown, fields: readonly string[]): boolean {
  if (!(error instanceof ApiError) || !error.fromServer || !error.field) return false;
  const path = error.field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  const known = fields.includes(error.field) || (path.length > 1 && fields.includes(`${path[0]}.*`));
  if (!known) return false;
  const name = path.length > 1 ? path : error.field;
  form.setFields([{ name, errors: [error.message] }]);
  form.scrollToField(name, { block: 'center' });
  return true;
}
