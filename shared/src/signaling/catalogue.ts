import { clinicRequests } from './clinic';
import { requestInboxRequests } from './consultation-requests';
import { imagingRequests } from './imaging';
import { kioskRequests } from './kiosk';
import { mdtRequests } from './mdt';
import { mediaCheckRequests } from './media-check';
import { pharmacyRequests } from './pharmacy';
import { roomRequests } from './room';
import { sessionRequests } from './session';

/**
 * Every socket request the server answers, one list: the authorisation matrix and the fuzz run read
 * it, so a new catalogue cannot ship without its expected answer for every role.
 */
export const socketRequests = { ...roomRequests, ...clinicRequests, ...imagingRequests, ...pharmacyRequests, ...mediaCheckRequests, ...sessionRequests, ...kioskRequests, ...requestInboxRequests, ...mdtRequests } as const;
