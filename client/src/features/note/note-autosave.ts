import { noteMissing, type Diagnosis, type NoteFields, type NoteRequirement, type NoteSaveRequest, type NoteView } from '@cloudclinic/shared';
import {
  draftApplies,
  draftChanges,
  NOTE_FIELDS,
  noteFieldsOf,
  readDraft,
  rebase,
  writeDraft,
  type DraftStorage,
  type NoteField,
} from './note-draft';

/**
 * Autosave of the consultation note, without React:
 *  - each edit is kept in localStorage at once and saved ~800 ms after the typing stops (and on
 *    `flush()`: blur, before unload, before ending the consultation);
 *  - one PUT at a time, sending only the changed fields with `baseRevision`;
 *  - `revision_conflict` → reload the server's version and put the unsaved local edits back on top;
 *  - network / server errors → "save failed, retry" and an automatic retry a few seconds later.
 */
export type NoteSaveStatus = 'loading' | 'load_failed' | 'saved' | 'dirty' | 'saving' | 'error' | 'signed';

export interface NoteEditorSnapshot {
  status: NoteSaveStatus;
  fields: NoteFields;
  signed: boolean;
  versions: NoteView['versions'];
  /** The assessment's coded diagnoses, as saved on the server. */
  diagnoses: Diagnosis[];
  /** What the note still lacks before the consultation may end (from the text as typed here). */
  missing: NoteRequirement[];
  /** Error code of the last failed load/save (ApiError code), else null. */
  errorCode: string | null;
  /** Unsaved text from this device was found on load and put back. */
  restoredDraft: boolean;
}

export interface NoteBackend {
  load(): Promise<NoteView>;
  save(req: NoteSaveRequest): Promise<NoteView>;
}

export interface NoteAutosaveOptions {
  consultationId: string;
  backend: NoteBackend;
  storage: DraftStorage | null;
  debounceMs?: number;
  retryMs?: number;
  now?: () => number;
}

const EMPTY: NoteFields = { chiefComplaint: '', history: '', examination: '', assessment: '', plan: '' };
const MAX_CONFLICT_RETRIES = 3;

function codeOf(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : 'unknown';
}

function isTransient(err: unknown): boolean {
  const status = typeof err === 'object' && err !== null && 'status' in err && typeof err.status === 'number' ? err.status : 0;
  return status === 0 || status >= 500;
}

export class NoteAutosave {
  private server: NoteView | null = null;
  private local: NoteFields = EMPTY;
  private readonly dirty = new Set<NoteField>();
  private snapshot: NoteEditorSnapshot = { status: 'loading', fields: EMPTY, signed: false, versions: [], diagnoses: [], missing: [], errorCode: null, restoredDraft: false };
  private readonly listeners = new Set<() => void>();
  private debounceTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private loop: Promise<void> | null = null;
  private requested = false;
  private savingNow = false;
  private disposed = false;

  constructor(private readonly opts: NoteAutosaveOptions) {}

  getSnapshot = (): NoteEditorSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Loads the server's note; a newer local draft is applied and saved at once. */
  async start(): Promise<void> {
    this.update({ status: 'loading', errorCode: null });
    let view: NoteView;
    try {
      view = await this.opts.backend.load();
    } catch (err) {
      if (!this.disposed) this.update({ status: 'load_failed', errorCode: codeOf(err) });
      return;
    }
    if (this.disposed) return;
    this.server = view;
    this.local = noteFieldsOf(view);
    this.dirty.clear();
    const draft = readDraft(this.opts.storage, this.opts.consultationId);
    let restored = false;
    if (draft && draftApplies(draft, view)) {
      const changes = draftChanges(draft, view);
      for (const f of NOTE_FIELDS) {
        const value = changes[f];
        if (value === undefined) continue;
        this.local[f] = value;
        this.dirty.add(f);
      }
      restored = true;
    } else if (draft) {
      writeDraft(this.opts.storage, this.opts.consultationId, null);
    }
    this.update({ restoredDraft: restored, errorCode: null });
    this.publish();
    if (restored) {
      this.persistDraft();
      void this.flush();
    }
  }

  edit(field: NoteField, value: string): void {
    if (!this.server || this.server.signed || this.disposed) return;
    this.local = { ...this.local, [field]: value };
    this.dirty.add(field);
    this.persistDraft();
    this.publish();
    this.clearTimer('debounce');
    this.debounceTimer = setTimeout(() => {
      this.debounceTimer = null;
      void this.flush();
    }, this.opts.debounceMs ?? 800);
  }

  /** Saves pending edits now; resolves when nothing is left to save (or saving failed). */
  flush(): Promise<void> {
    this.clearTimer('debounce');
    this.clearTimer('retry');
    this.requested = true;
    this.loop ??= this.runLoop().finally(() => {
      this.loop = null;
    });
    return this.loop;
  }

  /** True when every edit is confirmed by the server. */
  get isSettled(): boolean {
    return this.dirty.size === 0 && !this.savingNow;
  }

  /**
   * Replaces the coded diagnoses (ICD-10 codes): pending text is saved first, then the codes are
   * saved on the revision that produced; a concurrent change elsewhere is reloaded and retried once.
   */
  async setDiagnoses(codes: readonly string[]): Promise<void> {
    await this.flush();
    for (let attempt = 0; attempt < 2 && this.server && !this.server.signed && !this.disposed; attempt++) {
      try {
        const view = await this.opts.backend.save({ baseRevision: this.server.revision, diagnoses: [...codes] });
        this.server = view;
        this.local = rebase(view, this.local, this.dirty);
        this.update({ errorCode: null });
        this.publish();
        return;
      } catch (err) {
        const code = codeOf(err);
        this.update({ errorCode: code });
        if (code !== 'revision_conflict' || !(await this.reload())) break;
      }
    }
    this.publish();
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimer('debounce');
    this.clearTimer('retry');
    this.listeners.clear();
  }

  private async runLoop(): Promise<void> {
    let conflicts = 0;
    while (this.requested && this.server && !this.server.signed && this.dirty.size > 0 && !this.disposed) {
      this.requested = false;
      const outcome = await this.saveOnce();
      if (outcome !== 'conflict') continue;
      if (conflicts++ < MAX_CONFLICT_RETRIES) this.requested = true;
      else this.update({ errorCode: 'revision_conflict' });
    }
    if (!this.disposed) this.publish();
  }

  private async saveOnce(): Promise<'ok' | 'conflict' | 'failed'> {
    const server = this.server;
    if (!server) return 'failed';
    const sent: Partial<NoteFields> = {};
    for (const f of this.dirty) sent[f] = this.local[f];
    this.savingNow = true;
    this.publish();
    try {
      const view = await this.opts.backend.save({ baseRevision: server.revision, ...sent });
      this.savingNow = false;
      this.server = view;
      for (const f of NOTE_FIELDS) if (sent[f] !== undefined && this.local[f] === sent[f]) this.dirty.delete(f);
      this.local = rebase(view, this.local, this.dirty);
      this.persistDraft();
      this.update({ errorCode: null });
      this.publish();
      return 'ok';
    } catch (err) {
      this.savingNow = false;
      const code = codeOf(err);
      if (code === 'revision_conflict' || code === 'invalid_state') {
        const reloaded = await this.reload();
        if (reloaded && code === 'revision_conflict' && !reloaded.signed) return 'conflict';
        if (reloaded?.signed) {
          // Signed elsewhere (the consultation ended): nothing more can be saved as a draft.
          this.dirty.clear();
          this.local = noteFieldsOf(reloaded);
          writeDraft(this.opts.storage, this.opts.consultationId, null);
          this.update({ errorCode: 'invalid_state' });
          this.publish();
          return 'failed';
        }
      }
      this.update({ errorCode: code });
      this.publish();
      if (isTransient(err) && !this.disposed) {
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          void this.flush();
        }, this.opts.retryMs ?? 5000);
      }
      return 'failed';
    }
  }

  /** Fetches the server's version and puts the unsaved local edits back on top. */
  private async reload(): Promise<NoteView | null> {
    try {
      const view = await this.opts.backend.load();
      this.server = view;
      this.local = rebase(view, this.local, this.dirty);
      this.persistDraft();
      return view;
    } catch {
      return null;
    }
  }

  private persistDraft(): void {
    const server = this.server;
    if (!server || this.dirty.size === 0) {
      writeDraft(this.opts.storage, this.opts.consultationId, null);
      return;
    }
    const fields: Partial<NoteFields> = {};
    for (const f of this.dirty) fields[f] = this.local[f];
    // Edits made while a save is in flight apply on top of the revision that save will create.
    const baseRevision = server.revision + (this.savingNow ? 1 : 0);
    writeDraft(this.opts.storage, this.opts.consultationId, { baseRevision, fields, updatedAt: (this.opts.now ?? Date.now)() });
  }

  private clearTimer(which: 'debounce' | 'retry'): void {
    const timer = which === 'debounce' ? this.debounceTimer : this.retryTimer;
    if (timer) clearTimeout(timer);
    if (which === 'debounce') this.debounceTimer = null;
    else this.retryTimer = null;
  }

  private update(patch: Partial<NoteEditorSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
  }

  /** Recomputes the visible state from the model and notifies subscribers. */
  private publish(): void {
    const server = this.server;
    let status: NoteSaveStatus;
    if (!server) status = this.snapshot.status === 'load_failed' ? 'load_failed' : 'loading';
    else if (server.signed) status = 'signed';
    else if (this.savingNow) status = 'saving';
    else if (this.snapshot.errorCode && this.dirty.size > 0) status = 'error';
    else status = this.dirty.size > 0 ? 'dirty' : 'saved';
    this.snapshot = {
      ...this.snapshot,
      status,
      fields: this.local,
      signed: server?.signed ?? false,
      versions: server?.versions ?? [],
      diagnoses: server?.diagnoses ?? [],
      missing: server && !server.signed ? noteMissing({ ...this.local, diagnoses: server.diagnoses }) : [],
    };
    for (const listener of [...this.listeners]) listener();
  }
}
