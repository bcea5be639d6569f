import { authApi } from '../api/api-request';
import { createSessionActions } from './session-actions';
import { sessionStore } from './session-store';

/** App-wide session actions bound to the real store and API. */
export const session = createSessionActions(sessionStore, authApi);
