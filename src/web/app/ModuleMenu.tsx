/**
 * The modules of the platform, limited to those the user's role may use. Those not built yet are listed,
 * disabled, so that people see what is coming; none of them leads to a placeholder page.
 */
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  ClusterOutlined,
  CommentOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  GlobalOutlined,
  IdcardOutlined,
  MessageOutlined,
  NotificationOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  StarOutlined,
  TeamOutlined,
  TrophyOutlined,
  UnorderedListOutlined,
  UsergroupAddOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { Menu, type MenuProps, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import type { Permission } from '../../domain/roles';
import { useCan } from './auth/session';
import { useI18n } from './i18n';
import type { Messages } from './i18n/vi';

interface ModuleEntry {
  key: keyof Messages['nav'];
  icon: ReactNode;
  /** Shown when the role has any of these. */
  permissions: readonly Permission[];
  /** Where the module lives; absent while the module is not built yet. */
  path?: string;
  children?: readonly ModuleEntry[];
}

const MODULES: readonly ModuleEntry[] = [
  { key: 'overview', icon: <DashboardOutlined />, permissions: ['dashboard.read'], path: '/tong-quan' },
  { key: 'units', icon: <ApartmentOutlined />, permissions: ['units.read'], path: '/don-vi' },
  { key: 'coreForces', icon: <TeamOutlined />, permissions: ['registry.read'], path: '/luc-luong' },
  { key: 'models', icon: <StarOutlined />, permissions: ['registry.read'], path: '/mo-hinh' },
  { key: 'activities', icon: <CalendarOutlined />, permissions: ['activities.read'], path: '/hoat-dong' },
  { key: 'feedback', icon: <MessageOutlined />, permissions: ['feedback.read'], path: '/y-kien-nhan-dan' },
  { key: 'awards', icon: <TrophyOutlined />, permissions: ['awards.read'], path: '/khen-thuong' },
  { key: 'directives', icon: <FileTextOutlined />, permissions: ['documents.read'], path: '/van-ban' },
  {
    key: 'safetyStandard',
    icon: <SafetyCertificateOutlined />,
    permissions: ['recognition.read'],
    path: '/an-toan-antt',
  },
  {
    key: 'classification',
    icon: <AuditOutlined />,
    permissions: ['classification.read'],
    path: '/phan-loai-phong-trao',
  },
  {
    key: 'crimeReports',
    icon: <NotificationOutlined />,
    permissions: ['crime_reports.read'],
    path: '/to-giac',
  },
  {
    key: 'portal',
    icon: <GlobalOutlined />,
    permissions: ['portal.publish', 'feedback.read'],
    children: [
      {
        key: 'portalPosts',
        icon: <ReadOutlined />,
        permissions: ['portal.publish'],
        path: '/cong-thong-tin/bai-viet',
      },
      {
        key: 'portalFeedback',
        icon: <CommentOutlined />,
        permissions: ['feedback.read'],
        path: '/cong-thong-tin/phan-anh',
      },
    ],
  },
  {
    key: 'reintegration',
    icon: <UserSwitchOutlined />,
    permissions: ['reintegration.read', 'reintegration.help'],
    path: '/tai-hoa-nhap',
  },
  {
    key: 'coordination',
    icon: <UsergroupAddOutlined />,
    permissions: ['programmes.read'],
    path: '/chuong-trinh-phoi-hop',
  },
  { key: 'committees', icon: <ClusterOutlined />, permissions: ['programmes.read'], path: '/ban-chi-dao' },
  { key: 'reviews', icon: <BarChartOutlined />, permissions: ['reports.read'], path: '/bao-cao' },
  {
    key: 'administration',
    icon: <SettingOutlined />,
    permissions: ['users.read', 'audit.read', 'system.manage', 'units.manage'],
    children: [
      { key: 'users', icon: <IdcardOutlined />, permissions: ['users.read'], path: '/quan-tri/nguoi-dung' },
      {
        key: 'movementLists',
        icon: <UnorderedListOutlined />,
        permissions: ['system.manage', 'units.manage'],
        path: '/quan-tri/danh-muc',
      },
      { key: 'audit', icon: <FileSearchOutlined />, permissions: ['audit.read'], path: '/quan-tri/nhat-ky' },
    ],
  },
];

const ADMINISTRATION = 'administration';

export function ModuleMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useI18n();
  const location = useLocation();
  const can = useCan();
  const allowed = (entry: ModuleEntry) => entry.permissions.some(can);

  const toItem = (entry: ModuleEntry): NonNullable<MenuProps['items']>[number] | null => {
    if (!allowed(entry)) return null;
    const label = t.nav[entry.key];
    const children = entry.children?.filter(allowed);
    if (children && children.length > 0) {
      return {
        key: entry.key,
        icon: entry.icon,
        label,
        children: children.map(toItem).filter((item) => item !== null),
      };
    }
    if (entry.path) {
      return {
        key: entry.key,
        icon: entry.icon,
        label: (
          <Link to={entry.path} onClick={onNavigate}>
            {label}
          </Link>
        ),
      };
    }
    return {
      key: entry.key,
      icon: entry.icon,
      disabled: true,
      label: (
        <Tooltip title={t.nav.comingSoon} placement="right">
          <span className="menu-label-disabled">{label}</span>
        </Tooltip>
      ),
    };
  };

  const selected = MODULES.flatMap((entry) => [entry, ...(entry.children ?? [])])
    .filter((entry) => entry.path && location.pathname.startsWith(entry.path))
    .map((entry) => entry.key);
  return (
    <Menu
      mode="inline"
      items={MODULES.map(toItem).filter((item) => item !== null)}
      selectedKeys={selected}
      // Administration is the last group: open, so that its pages are one click away like the others; a group
      // holding the page being shown is open too.
      defaultOpenKeys={[
        ADMINISTRATION,
        ...MODULES.filter((entry) =>
          entry.children?.some((child) => child.path && location.pathname.startsWith(child.path)),
        ).map((entry) => entry.key),
      ]}
      className="module-menu"
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
