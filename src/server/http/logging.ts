import type { FastifyServerOptions } from 'fastify';
import type { LogLevel } from '../config.js';

/**
 * Request logs keep the method, the path and the status, never the query string, headers or body: a query can
 * carry a name, a body can carry a crime report, and a header carries the session. A tracking code in a path is
 * replaced by its placeholder: a log line must not tie a request to a report.
 */
export function loggedPath(url: string): string {
  return url.split('?')[0]!.replace(/^\/api\/public\/reports\/[^/]+/, '/api/public/reports/:code');
}

export function loggerOptions(level: LogLevel): FastifyServerOptions['logger'] {
  if (level === 'silent') return false;
  return {
    level,
    redact: {
      paths: ['req.headers', 'headers', 'password', 'secret', '*.password', '*.secret'],
      remove: true,
    },
    serializers: {
      req: (request: { method: string; url: string; id: string }) => ({
        id: request.id,
        method: request.method,
        path: loggedPath(request.url),
      }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    },
  };
}
