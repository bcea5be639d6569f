import { NoteFieldsSchema, type NoteFields, type NoteView } from '@cloudclinic/shared';
import { z } from 'zod';

/** The five fields of a consultation note, in the order the editor shows them. */
export const NOTE_FIELDS = ['chiefComplaint', 'history', 'examination', 'assessment', 'plan'] as const satisfies readonly (keyof NoteFields)[];
export type NoteField = (typeof NOTE_FIELDS)[number];

/**
 * Unsaved edits kept on this device (localStorage, per consultation) until the server confirms them,
 * so a reload, a crash or a dropped connection loses nothing.
 */
export interface NoteDraft {
  /** The server revision these edits apply on top of. */
  baseRevision: number;
  /** Only the fields edited and not yet confirmed saved. */
  fields: Partial<NoteFields>;
  /** Epoch ms of the last edit. */
  updatedAt: number;
}

const NoteDraftSchema = z.object({
  baseRevision: z.number().int().min(0),
  fields: NoteFieldsSchema.partial(),
  updatedAt: z.number(),
});

export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const draftKey = (consultationId: string): string => `cloudclinic.noteDraft.${consultationId}`;

export function readDraft(storage: DraftStorage | null, consultationId: string): NoteDraft | null {
  try {
    const raw = storage?.getItem(draftKey(consultationId));
    if (!raw) return null;
    const parsed = NoteDraftSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeDraft(storage: DraftStorage | null, consultationId: string, draft: NoteDraft | null): void {
  try {
    if (draft && Object.keys(draft.fields).length > 0) storage?.setItem(draftKey(consultationId), JSON.stringify(draft));
    else storage?.removeItem(draftKey(consultationId));
  } catch {
    // Storage full or unavailable: autosave still works, only the offline safety net is gone.
  }
}

export function noteFieldsOf(view: NoteFields): NoteFields {
  return { chiefComplaint: view.chiefComplaint, history: view.history, examination: view.examination, assessment: view.assessment, plan: view.plan };
}

/** The draft's fields that differ from the server's note. */
export function draftChanges(draft: NoteDraft, server: NoteFields): Partial<NoteFields> {
  const out: Partial<NoteFields> = {};
  for (const f of NOTE_FIELDS) {
    const value = draft.fields[f];
    if (value !== undefined && value !== server[f]) out[f] = value;
  }
  return out;
}

/**
 * On load: does the stored draft still hold work the server does not have?
 * Yes when it was made on top of the server's current revision (or later), or edited after the
 * server's last save. A draft older than a later save from elsewhere is stale and dropped;
 * nothing applies to a signed note.
 */
export function draftApplies(draft: NoteDraft, server: NoteView): boolean {
  if (server.signed) return false;
  if (Object.keys(draftChanges(draft, server)).length === 0) return false;
  if (draft.baseRevision >= server.revision) return true;
  const serverTime = Date.parse(server.updatedAt);
  return Number.isFinite(serverTime) && draft.updatedAt > serverTime;
}

/** The server's fields with the local unsaved edits put back on top (after a reload or a conflict). */
export function rebase(server: NoteFields, local: NoteFields, dirty: ReadonlySet<NoteField>): NoteFields {
  const out = noteFieldsOf(server);
  for (const f of dirty) out[f] = local[f];
  return out;
}
