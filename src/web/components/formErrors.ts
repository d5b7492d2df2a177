import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/**
 * Puts a refusal of the server on the field it names, when that field is on the form, and answers true; the
 * caller shows any other error above the form.
 */
export function showOnField(form: FormInstance, error: unknown, fields: readonly string[]): boolean {
  if (!(error instanceof ApiError) || !error.fromServer || !error.field) return false;
  if (!fields.includes(error.field)) return false;
  form.setFields([{ name: error.field, errors: [error.message] }]);
  form.scrollToField(error.field, { block: 'center' });
  return true;
}
