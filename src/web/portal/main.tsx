/**
 * The citizen portal's own entry (cong-dan.html): light, without Ant Design, for phones on slow connections. It
 * shares no chunk with the officers' app but React and the router.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PortalApp } from './PortalApp';

const container = document.getElementById('root');
if (!container) throw new Error('cong-dan.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <PortalApp />
  </StrictMode>,
);
