/**
 * The slot in the report's header for the export buttons ("Xuất Excel", "Xuất Word", "Bản in"): it receives the run
 * shown on screen and the request that made it, so that an export shows exactly the same numbers. Empty for now.
 */
import type { ReportRun, RunReportRequest } from '../../api/reports';

export function ReportActions(_props: { run: ReportRun; request: RunReportRequest }) {
  return null;
}
