/** Background jobs (imports): start one with a file, then follow it (src/contracts/jobs.ts). */
import type { JobState } from '../../contracts/jobs';
import type { ImportResult } from '../../contracts/registry';
import { apiGet, apiUpload } from './client';

export type { JobState } from '../../contracts/jobs';
export type { ImportResult, ImportRowError } from '../../contracts/registry';

export const fetchJob = (id: number, signal?: AbortSignal) => apiGet<JobState>(`/api/jobs/${id}`, {}, signal);

export const startImport = (path: string, file: File, dryRun: boolean, signal?: AbortSignal) =>
  apiUpload<JobState>(path, file, file.name, { dryRun }, signal);

export function importResultOf(state: JobState): ImportResult | undefined {
  return state.status === 'succeeded' ? (state.result as ImportResult) : undefined;
}
