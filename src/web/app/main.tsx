/**
 * Two front ends in one build: the citizen portal (/cong-dan…), light, without Ant Design, for phones on slow
 * connections; and the officers' app (everything else). Each is its own lazily loaded chunk, so the portal never
 * downloads the app and the app never downloads the portal.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);

if (window.location.pathname === '/cong-dan' || window.location.pathname.startsWith('/cong-dan/')) {
  const { PortalApp } = await import('../portal/PortalApp');
  root.render(
    <StrictMode>
      <PortalApp />
    </StrictMode>,
  );
} else {
  const [{ App }] = await Promise.all([import('./App'), import('./styles.css')]);
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
