/**
 * Who is acting, passed from the routes into every service call: services decide with it (permission, scope)
 * and write it into the audit trail. The CLI acts as a system actor with national scope.
 */
import type { RoleId } from '../domain/roles.js';
import type { Scope } from './db/scope.js';

export interface Actor {
  userId: number | null;
  username: string;
  role: RoleId;
  /** The scope unit; null = national. */
  unitId: number | null;
  scope: Scope;
  requestId: string | null;
  clientIp: string | null;
}

export function systemActor(username = 'hệ thống'): Actor {
  return {
    userId: null,
    username,
    role: 'admin',
    unitId: null,
    scope: { all: true },
    requestId: null,
    clientIp: null,
  };
}
