#!/usr/bin/env node
/**
 * `antq`: the command line of the platform. It runs the TypeScript sources through tsx, without a build step,
 * from whatever folder it is started in (paths are resolved from this file, not from the working directory).
 */
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
register({ tsconfig: `${projectRoot}tsconfig.server.json` });
await import(new URL('../src/server/cli/index.ts', import.meta.url).href);
