import { Drawer } from 'antd';
import { useI18n } from './i18n';
import { ModuleMenu } from './ModuleMenu';

/** The module menu in a drawer, for screens too narrow for the sidebar (default export for React.lazy). */
export default function MobileMenu({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      placement="left"
      size={280}
      title={t.app.menuTitle}
      styles={{ body: { padding: 0 } }}
    >
      <nav aria-label={t.app.menuTitle}>
        <ModuleMenu onNavigate={onClose} />
      </nav>
    </Drawer>
  );
}
