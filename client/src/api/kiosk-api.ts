import { KioskUnlockResponseSchema } from '@cloudclinic/shared';
import { apiRequest } from './api-request';

/** Kiosk mode: staff unlock it with their institution's PIN (checked, limited and audited on the server). */
export const kioskApi = {
  unlock: (pin: string) => apiRequest('/api/kiosk/unlock', { method: 'POST', body: { pin }, schema: KioskUnlockResponseSchema }),
};
