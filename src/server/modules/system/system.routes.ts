import { Health } from '../../../contracts/system.js';
import type { AppDeps } from '../../app.js';
import { schemaVersion } from '../../db/migrate.js';
import type { Api } from '../../http/types.js';

export async function systemRoutes(api: Api, { database }: AppDeps): Promise<void> {
  api.get(
    '/health',
    {
      config: { public: true },
      schema: {
        tags: ['Hệ thống'],
        summary: 'Tình trạng máy chủ và cơ sở dữ liệu',
        response: { 200: Health },
      },
    },
    async () => {
      const { version, applied } = await schemaVersion(database);
      return {
        status: 'ok' as const,
        driver: database.driver,
        schemaVersion: version,
        migrationsApplied: applied,
        time: new Date().toISOString(),
        version: '0.1.0',
      };
    },
  );
}
