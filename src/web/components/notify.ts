/**
 * A passing message for the rare failure outside any page (signing out). Loaded on demand: the shell must not
 * carry the message component in its first download for an event most visits never see.
 */
import { message } from 'antd';

export function notifyError(text: string): void {
  void message.error(text);
}
