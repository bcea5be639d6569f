import {
  MdtBoardListSchema,
  MdtBoardViewSchema,
  MdtMeetingListSchema,
  MdtMeetingViewSchema,
  type AddMdtCaseBody,
  type CreateMdtBoardBody,
  type MdtBoardView,
  type MdtMeetingSummary,
  type MdtMeetingView,
} from '@cloudclinic/shared';
import { apiClient } from './api-request';

const enc = encodeURIComponent;
const c = apiClient;
const opt = (signal?: AbortSignal) => (signal ? { signal } : {});

/** 多学科会诊 boards and sittings over REST; every response parsed with the shared schemas. */
export const mdtApi = {
  boards: async (signal?: AbortSignal): Promise<MdtBoardView[]> => (await c.request('/api/mdt/boards', { schema: MdtBoardListSchema, ...opt(signal) })).boards,
  createBoard: (body: CreateMdtBoardBody): Promise<MdtBoardView> => c.request('/api/mdt/boards', { method: 'POST', body, schema: MdtBoardViewSchema }),
  addCase: (boardId: string, body: AddMdtCaseBody): Promise<MdtMeetingView> => c.request(`/api/mdt/boards/${enc(boardId)}/cases`, { method: 'POST', body, schema: MdtMeetingViewSchema }),
  meetings: async (signal?: AbortSignal): Promise<MdtMeetingSummary[]> => (await c.request('/api/mdt/meetings', { schema: MdtMeetingListSchema, ...opt(signal) })).meetings,
  meeting: (id: string, signal?: AbortSignal): Promise<MdtMeetingView> => c.request(`/api/mdt/meetings/${enc(id)}`, { schema: MdtMeetingViewSchema, ...opt(signal) }),
  start: (id: string): Promise<MdtMeetingView> => c.request(`/api/mdt/meetings/${enc(id)}/start`, { method: 'POST', body: {}, schema: MdtMeetingViewSchema }),
  next: (id: string, fromCaseId: string): Promise<MdtMeetingView> => c.request(`/api/mdt/meetings/${enc(id)}/next`, { method: 'POST', body: { fromCaseId }, schema: MdtMeetingViewSchema }),
  reorder: (id: string, caseIds: string[]): Promise<MdtMeetingView> => c.request(`/api/mdt/meetings/${enc(id)}/order`, { method: 'PUT', body: { caseIds }, schema: MdtMeetingViewSchema }),
};
