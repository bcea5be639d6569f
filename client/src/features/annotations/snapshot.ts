import type { AttachmentView, Mark } from '@cloudclinic/shared';
import { ApiErrorSchema, AttachmentViewSchema } from '@cloudclinic/shared';
import { apiClient } from '../../api/api-request';
import { ApiError } from '../../api/api-error';
import { sessionStore } from '../../state/session-store';
import { drawMarks } from './marks-render';

/** The current video frame at its own resolution with the marks burnt in, as a JPEG. */
export async function snapshotWithMarks(video: HTMLVideoElement, marks: readonly Mark[]): Promise<Blob> {
  const width = video.videoWidth;
  const height = video.videoHeight;
  if (!width || !height) throw new Error('no video frame');
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  ctx.drawImage(video, 0, 0, width, height);
  drawMarks(ctx, marks, { x: 0, y: 0, width, height });
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('encoding failed'))), 'image/jpeg', 0.85));
}

/**
 * Stores an image in the consultation record (`POST /api/consultations/:id/attachments`). The body
 * is the image itself, so this bypasses the JSON client; a 401 refreshes the session once.
 */
export async function uploadSnapshot(consultationId: string, image: Blob): Promise<AttachmentView> {
  const send = () =>
    fetch(`/api/consultations/${encodeURIComponent(consultationId)}/attachments?kind=annotated_snapshot`, {
      method: 'POST',
      headers: { 'Content-Type': image.type || 'image/jpeg', Accept: 'application/json', Authorization: `Bearer ${sessionStore.getAccessToken() ?? ''}` },
      body: image,
    });
  let res: Response;
  try {
    res = await send();
    if (res.status === 401 && (await apiClient.refreshSession())) res = await send();
  } catch (cause) {
    throw new ApiError({ code: 'network', message: 'Network error', status: 0, cause });
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = ApiErrorSchema.safeParse(body);
    throw new ApiError({ code: err.success ? err.data.code : 'internal', message: err.success ? err.data.message : `upload failed (${res.status})`, status: res.status });
  }
  const parsed = AttachmentViewSchema.safeParse(body);
  if (!parsed.success) throw new ApiError({ code: 'bad_response', message: 'Unexpected response', status: res.status });
  return parsed.data;
}
