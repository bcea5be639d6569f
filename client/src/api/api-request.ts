import { sessionStore } from '../state/session-store';
import { createApiClient, type ApiClient, type RequestOptions } from './api-client';
import { createAuthApi, type AuthApi } from './auth-api';

/** The app-wide client: same-origin `/api`, tokens from the session store. */
export const apiClient: ApiClient = createApiClient({
  tokens: {
    getAccessToken: () => sessionStore.getAccessToken(),
    getRefreshToken: () => sessionStore.getRefreshToken(),
    onRefreshed: (response) => sessionStore.signIn(response),
    onRefreshRejected: () => sessionStore.signOut('expired'),
  },
});

/**
 * Calls the CloudClinic API: `apiRequest('/api/x', { method, body, schema })`.
 * Resolves with the schema-parsed body; throws `ApiError`.
 */
export function apiRequest<T>(path: string, options: RequestOptions<T>): Promise<T> {
  return apiClient.request(path, options);
}

export const authApi: AuthApi = createAuthApi(apiClient);
