import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { roomPage } from './app/AppRoutes';
import { areaOf } from './app/role-areas';
import { preconnectRoom } from './hooks/room/room-preconnect';
import { initI18n } from './i18n';
import './styles/index.css';

/** Past this, the first render goes ahead without the landing screen's chunk (its fallback shows). */
const FIRST_CHUNK_WAIT_MS = 3000;

initI18n();
const path = window.location.pathname;
// Landing on a room: its socket connects while its code loads.
if (path.startsWith('/room/')) preconnectRoom(path);
const landing = path.startsWith('/room/') ? roomPage.preload() : areaOf(path)?.screen.preload();

const container = document.getElementById('root');
if (!container) throw new Error('index.html is missing #root');
const render = () =>
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );

// The landing screen's chunk is awaited before the first render, so it mounts at once instead of
// behind a loading fallback (a failed download is reported by the route's own lazy import).
void Promise.race([landing?.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, FIRST_CHUNK_WAIT_MS))]).then(render);
