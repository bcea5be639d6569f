import { BrowserRouter } from 'react-router';
import { AppRoutes } from './AppRoutes';
import { SessionEffects } from './SessionEffects';

export function App() {
  return (
    <BrowserRouter>
      <SessionEffects />
      <AppRoutes />
    </BrowserRouter>
  );
}
