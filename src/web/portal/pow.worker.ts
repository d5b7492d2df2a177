/// <reference lib="webworker" />
/**
 * Solves the portal's proof-of-work off the page's thread: tries nonces until SHA-256("token:nonce") has the asked
 * number of leading zero bits, and reports progress now and then so the page can show it.
 */
import { leadingZeroBits, powInput } from '../../domain/crime-reports';
import { sha256Text } from '../../domain/sha256';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<{ token: string; difficulty: number }>) => {
  const { token, difficulty } = event.data;
  const expected = 2 ** difficulty;
  for (let nonce = 0; ; nonce++) {
    if (leadingZeroBits(sha256Text(powInput(token, nonce))) >= difficulty) {
      self.postMessage({ done: true, nonce });
      return;
    }
    if (nonce % 4096 === 0)
      self.postMessage({ done: false, progress: Math.min(0.95, 1 - Math.exp(-nonce / expected)) });
  }
};
