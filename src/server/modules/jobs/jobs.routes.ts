import { ErrorResponse, errorResponses } from '../../../contracts/common.js';
import { JobIdParams, JobState } from '../../../contracts/jobs.js';
import type { AppDeps } from '../../app.js';
import { requireActor } from '../../http/auth.js';
import type { Api } from '../../http/types.js';
import { getJob } from './jobs.service.js';

export async function jobsRoutes(api: Api, deps: AppDeps): Promise<void> {
  deps.jobs.attachLogger(api.log);
  api.addHook('onClose', async () => {
    await deps.jobs.stop();
  });
  api.addHook('onReady', async () => {
    await deps.jobs.start();
  });

  api.get(
    '/jobs/:id',
    {
      config: { authenticated: true },
      schema: {
        tags: ['Công việc nền'],
        summary: 'Tiến độ và kết quả một công việc nền (nhập Excel…) của chính người dùng',
        params: JobIdParams,
        response: { 200: JobState, ...errorResponses, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    (request) => getJob(deps.database.db, deps.jobs, requireActor(request), request.params.id),
  );
}
