import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { loadRoomPage } from './app/AppRoutes';
import { preconnectRoom } from './hooks/room/room-preconnect';
import { initI18n } from './i18n';
import './styles/index.css';

initI18n();
// Landing on a room: its code starts loading and its socket connects before the first render.
if (window.location.pathname.startsWith('/room/')) {
  loadRoomPage().catch(() => undefined); // the route's own lazy import reports a failure
  preconnectRoom(window.location.pathname);
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html is missing #root');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
