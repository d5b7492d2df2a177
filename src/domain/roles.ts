/**
 * Roles as typed data: each role is a set of permissions, each route declares the permission it needs.
 * Scope (which units) is separate from permission (which actions): a user acts within their unit's subtree.
 */
export const PERMISSIONS = [
  'units.read',
  'units.manage',
  'users.read',
  'users.manage',
  'audit.read',
  'registry.read',
  'registry.write',
  'activities.read',
  'activities.write',
  'feedback.read',
  'feedback.write',
  'awards.read',
  'awards.propose',
  'awards.approve',
  'documents.read',
  'documents.write',
  'recognition.read',
  'recognition.self_assess',
  'recognition.review',
  'recognition.approve',
  'recognition.configure',
  'classification.read',
  'classification.self_assess',
  'classification.review',
  'classification.approve',
  'classification.configure',
  'crime_reports.read',
  'crime_reports.work',
  'reintegration.read',
  'reintegration.write',
  'reintegration.help',
  'programmes.read',
  'programmes.write',
  'portal.publish',
  'reports.read',
  'reports.export',
  'reports.templates',
  'dashboard.read',
  'system.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_IDS = [
  'admin',
  'province_staff',
  'commune_officer',
  'front_officer',
  'unit_head',
  'viewer',
] as const;
export type RoleId = (typeof ROLE_IDS)[number];

export const ROLE_LABELS: Record<RoleId, string> = {
  admin: 'Quản trị hệ thống',
  province_staff: 'Cán bộ Công an tỉnh',
  commune_officer: 'Cán bộ Công an xã, phường',
  front_officer: 'Cán bộ Ủy ban MTTQ',
  unit_head: 'Người đứng đầu đơn vị cơ sở',
  viewer: 'Người xem báo cáo',
};

const READ_REPORTS: Permission[] = ['reports.read', 'dashboard.read'];

const READ_MOVEMENT: Permission[] = [
  'units.read',
  'registry.read',
  'activities.read',
  'feedback.read',
  'awards.read',
  'documents.read',
  'recognition.read',
  'classification.read',
  'programmes.read',
  ...READ_REPORTS,
];

export const ROLE_PERMISSIONS: Record<RoleId, readonly Permission[]> = {
  // The administrator runs the system (users, audit, backups), not the movement's casework: no crime reports,
  // no reintegration files, which the law reserves to the police handling them.
  admin: [
    'units.read',
    'units.manage',
    'users.read',
    'users.manage',
    'audit.read',
    'system.manage',
    ...READ_REPORTS,
    'reports.templates',
  ],
  province_staff: [
    ...READ_MOVEMENT,
    'units.manage',
    'users.read',
    'users.manage',
    'registry.write',
    'activities.write',
    'feedback.write',
    'awards.propose',
    'awards.approve',
    'documents.write',
    'recognition.review',
    'recognition.approve',
    'recognition.configure',
    'classification.review',
    'classification.approve',
    'classification.configure',
    'crime_reports.read',
    'crime_reports.work',
    'reintegration.read',
    'reintegration.write',
    'programmes.write',
    'portal.publish',
    'reports.export',
    'reports.templates',
  ],
  commune_officer: [
    ...READ_MOVEMENT,
    'units.manage',
    'registry.write',
    'activities.write',
    'feedback.write',
    'awards.propose',
    'documents.write',
    'recognition.self_assess',
    'recognition.review',
    'recognition.approve',
    'classification.self_assess',
    'classification.review',
    'classification.approve',
    'crime_reports.read',
    'crime_reports.work',
    'reintegration.read',
    'reintegration.write',
    'programmes.write',
    'portal.publish',
    'reports.export',
  ],
  // The Front reads most things, records events and residents' feedback, helps returning persons it is assigned
  // to, and never reads crime reports.
  front_officer: [
    ...READ_MOVEMENT,
    'activities.write',
    'feedback.write',
    'reintegration.help',
    'programmes.write',
    'reports.export',
  ],
  unit_head: [
    'units.read',
    'registry.read',
    'activities.read',
    'activities.write',
    'recognition.read',
    'recognition.self_assess',
    'classification.read',
    'classification.self_assess',
    'documents.read',
  ],
  viewer: ['units.read', 'recognition.read', 'classification.read', ...READ_REPORTS],
};

export function hasPermission(role: RoleId, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Roles a manager may hand out: nobody but an administrator creates administrators. */
export function assignableRoles(managerRole: RoleId): RoleId[] {
  if (managerRole === 'admin') return [...ROLE_IDS];
  if (hasPermission(managerRole, 'users.manage')) return ROLE_IDS.filter((role) => role !== 'admin');
  return [];
}

export function isRoleId(value: string): value is RoleId {
  return (ROLE_IDS as readonly string[]).includes(value);
}
