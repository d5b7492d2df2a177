import { fetchJob, type JobState } from '../../api/jobs';

const POLL_MS = 600;

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = window.setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        window.clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/**
 * Follows a background job until it has finished, reporting every state on the way (for the progress bar). A small
 * file is usually finished in the answer to the upload itself; a large one is polled.
 */
export async function followJob(
  first: JobState,
  onState: (state: JobState) => void,
  signal: AbortSignal,
): Promise<JobState> {
  let state = first;
  onState(state);
  while (state.status === 'queued' || state.status === 'running') {
    await pause(POLL_MS, signal);
    state = await fetchJob(state.id, signal);
    onState(state);
  }
  return state;
}
