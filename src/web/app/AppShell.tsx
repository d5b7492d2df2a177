/**
 * The frame of every page behind login: the modules the user's role allows in a sidebar (a drawer on a phone),
 * the product name, the language switch and the signed-in user in the header, and the page itself.
 */
import { MenuOutlined } from '@ant-design/icons';
import { Button, Grid, Layout } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { PageLoading } from '../components/PageLoading';
import { useI18n } from './i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { ModuleMenu } from './ModuleMenu';
import { NotificationBell } from './NotificationBell';
import { PageErrorBoundary } from './PageErrorBoundary';
import { UserMenu } from './UserMenu';

// Only phones need the drawer; wide screens never download it.
const MobileMenu = lazy(() => import('./MobileMenu'));

export function AppShell() {
  const { t } = useI18n();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const isWide = screens.lg ?? true;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [drawerUsed, setDrawerUsed] = useState(false);

  return (
    <Layout className="app-layout">
      {isWide && (
        <Layout.Sider width={256} className="app-sider" theme="light">
          <div className="app-sider__brand">
            <span className="app-logo" aria-hidden="true">
              ANTQ
            </span>
          </div>
          <nav aria-label={t.app.menuTitle}>
            <ModuleMenu />
          </nav>
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="app-header">
          {!isWide && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t.app.openMenu}
              onClick={() => {
                setDrawerUsed(true);
                setDrawerOpen(true);
              }}
            />
          )}
          <Link to="/" className="app-header__title">
            <span className="app-header__name app-header__name--full">{t.app.name}</span>
            <span className="app-header__name app-header__name--short">
              <strong>{t.app.shortName}</strong> <span className="app-header__tagline">{t.app.tagline}</span>
            </span>
          </Link>
          <div className="app-header__tools">
            <LanguageSwitch />
            <NotificationBell />
            <div className="app-header__account">
              <UserMenu compact={!(screens.md ?? true)} />
            </div>
          </div>
        </Layout.Header>
        <Layout.Content className="app-content">
          <PageErrorBoundary resetKey={location.pathname}>
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </PageErrorBoundary>
        </Layout.Content>
      </Layout>
      {!isWide && drawerUsed && (
        <Suspense fallback={null}>
          <MobileMenu open={drawerOpen} onClose={() => setDrawerOpen(false)} />
        </Suspense>
      )}
    </Layout>
  );
}
