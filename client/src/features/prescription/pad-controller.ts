import type { Finding, MedicationSummary, PrescriptionDraftInput, PrescriptionView, SavePrescriptionRequest, SignPrescriptionRequest } from '@cloudclinic/shared';
import { toApiError } from '../../api/api-error';
import { draftFromView, EMPTY_DRAFT, toRequest, unresolved, type PadDraft } from './pad-model';

/** What the pad needs of the server (the REST API; a fake in tests). */
export interface PadBackend {
  list(): Promise<PrescriptionView[]>;
  create(draft: PrescriptionDraftInput, key: string): Promise<PrescriptionView>;
  save(id: string, req: SavePrescriptionRequest): Promise<PrescriptionView>;
  sign(id: string, req: SignPrescriptionRequest, key: string): Promise<PrescriptionView>;
  submit(id: string, key: string): Promise<PrescriptionView>;
  revise(id: string): Promise<PrescriptionView>;
  /** Catalogue entries of the items of a loaded prescription (units, quantity preview). */
  resolve(view: PrescriptionView): Promise<ReadonlyMap<string, MedicationSummary>>;
  newKey(): string;
}

export interface PadSnapshot {
  status: 'loading' | 'ready' | 'load_failed';
  /** Every prescription of the consultation, oldest first. */
  prescriptions: PrescriptionView[];
  /** The prescription on the pad as the server last answered (null: a new one not saved yet). */
  current: PrescriptionView | null;
  draft: PadDraft;
  /** A new prescription or a draft: the pad can be edited. */
  editable: boolean;
  /** Local edits the server has not confirmed yet. */
  dirty: boolean;
  saving: boolean;
  signing: boolean;
  /** Code of the last failure (save, sign); `findings_block`, `incomplete` are the pad's own. */
  errorCode: string | null;
  /** Refusals, and warnings still without a reason. */
  blocking: Finding[];
  canSign: boolean;
}

const SAVE_DELAY_MS = 600;

export const INITIAL_PAD: PadSnapshot = {
  status: 'loading',
  prescriptions: [],
  current: null,
  draft: EMPTY_DRAFT,
  editable: true,
  dirty: false,
  saving: false,
  signing: false,
  errorCode: null,
  blocking: [],
  canSign: false,
};

/**
 * The prescription pad's logic, without React: autosaves the draft (debounced, optimistic concurrency
 * by revision, never a half-typed line), follows the server's pushes (a rejection shows at once),
 * signs (password) then submits for review, each with an idempotency key reused on retry.
 */
export class PadController {
  private snapshot: PadSnapshot = INITIAL_PAD;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inflight: Promise<void> | null = null;
  private createKey: string | null = null;
  private readonly actionKeys = new Map<string, string>();
  private disposed = false;

  constructor(
    private readonly backend: PadBackend,
    private readonly saveDelayMs = SAVE_DELAY_MS,
  ) {}

  getSnapshot = (): PadSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  async start(): Promise<void> {
    try {
      await this.applyServerList(await this.backend.list());
    } catch (err) {
      this.set({ status: 'load_failed', errorCode: toApiError(err).code });
    }
  }

  /** A snapshot from the server (load or push): the pad follows the prescription it shows. */
  async applyServerList(list: PrescriptionView[]): Promise<void> {
    const s = this.snapshot;
    const latest = list[list.length - 1] ?? null;
    const mine = s.current ? (list.find((p) => p.id === s.current?.id) ?? s.current) : s.status === 'loading' ? latest : null;
    const replaceDraft = mine !== null && (s.status === 'loading' || mine.status !== s.current?.status || (mine.status !== 'draft' && mine.version !== s.current?.version));
    // Our own save echoes back: keep what is being typed; a newer revision from elsewhere wins when idle.
    const stale = mine?.status === 'draft' && s.current?.status === 'draft' && mine.revision > s.current.revision && !s.dirty && !s.saving;
    let draft = s.draft;
    if (mine && (replaceDraft || stale)) draft = draftFromView(mine, await this.backend.resolve(mine));
    this.set({ status: 'ready', prescriptions: list, current: mine, draft, dirty: replaceDraft || stale ? false : s.dirty });
  }

  edit(change: (d: PadDraft) => PadDraft): void {
    if (!this.snapshot.editable) return;
    this.set({ draft: change(this.snapshot.draft), dirty: true, errorCode: null });
    this.schedule();
  }

  /** Saves pending edits now (before signing, on blur). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.inflight) await this.inflight;
    if (this.snapshot.dirty) await this.save();
  }

  async sign(password: string): Promise<boolean> {
    await this.flush();
    const s = this.snapshot;
    if (s.dirty || !s.current) return this.fail(toRequest(s.draft) ? (s.errorCode ?? 'unsaved') : 'incomplete');
    if (s.blocking.length > 0) return this.fail('findings_block');
    const req = toRequest(s.draft);
    this.set({ signing: true, errorCode: null });
    try {
      let view = s.current;
      if (view.status === 'draft') view = await this.backend.sign(view.id, { password, overrides: req?.overrides ?? [] }, this.keyFor(`sign:${view.id}:${view.revision}`));
      if (view.status === 'signed') view = await this.backend.submit(view.id, this.keyFor(`submit:${view.id}:${view.version}`));
      this.adopt(view);
      return true;
    } catch (err) {
      const e = toApiError(err);
      if (e.code === 'bad_request' || e.code === 'invalid_state') void this.reload();
      return this.fail(e.code);
    } finally {
      this.set({ signing: false });
    }
  }

  /** A rejected prescription back to draft, for a new signed version. */
  async revise(): Promise<void> {
    const current = this.snapshot.current;
    if (!current) return;
    try {
      const view = await this.backend.revise(current.id);
      this.adopt(view);
      this.set({ draft: draftFromView(view, await this.backend.resolve(view)), dirty: false });
    } catch (err) {
      this.fail(toApiError(err).code);
    }
  }

  /** An empty pad for another prescription in the same consultation. */
  startNew(): void {
    this.createKey = null;
    this.set({ current: null, draft: EMPTY_DRAFT, dirty: false, errorCode: null });
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.listeners.clear();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.save();
    }, this.saveDelayMs);
  }

  private save(): Promise<void> {
    this.inflight ??= this.doSave().finally(() => {
      this.inflight = null;
      if (this.snapshot.dirty && toRequest(this.snapshot.draft) && !this.snapshot.errorCode && !this.disposed) this.schedule();
    });
    return this.inflight;
  }

  private async doSave(): Promise<void> {
    const s = this.snapshot;
    const req = toRequest(s.draft);
    if (!req || (!s.current && req.items?.length === 0) || !s.editable) return;
    const sent = s.draft;
    this.set({ saving: true });
    try {
      let view: PrescriptionView;
      if (s.current) {
        view = await this.backend.save(s.current.id, { ...req, baseRevision: s.current.revision });
      } else {
        this.createKey ??= this.backend.newKey();
        view = await this.backend.create(req, this.createKey);
        this.createKey = null;
      }
      this.adopt(view);
      this.set({ dirty: this.snapshot.draft !== sent, errorCode: null });
    } catch (err) {
      const code = toApiError(err).code;
      this.set({ errorCode: code });
      if (code === 'revision_conflict' || code === 'invalid_state') await this.reload();
    } finally {
      this.set({ saving: false });
    }
  }

  private async reload(): Promise<void> {
    try {
      const list = await this.backend.list();
      const current = this.snapshot.current;
      const fresh = current ? list.find((p) => p.id === current.id) : undefined;
      if (fresh) this.set({ draft: draftFromView(fresh, await this.backend.resolve(fresh)), current: fresh, dirty: false });
      await this.applyServerList(list);
    } catch {
      /* the next push or action tries again */
    }
  }

  private adopt(view: PrescriptionView): void {
    const list = this.snapshot.prescriptions.some((p) => p.id === view.id)
      ? this.snapshot.prescriptions.map((p) => (p.id === view.id && p.updatedAt <= view.updatedAt ? view : p))
      : [...this.snapshot.prescriptions, view];
    this.set({ current: view, prescriptions: list });
  }

  private keyFor(action: string): string {
    let key = this.actionKeys.get(action);
    if (!key) this.actionKeys.set(action, (key = this.backend.newKey()));
    return key;
  }

  private fail(code: string): false {
    this.set({ errorCode: code });
    return false;
  }

  private set(patch: Partial<PadSnapshot>): void {
    if (this.disposed) return;
    const next = { ...this.snapshot, ...patch };
    const current = next.current;
    next.editable = current === null || current.status === 'draft';
    next.blocking = current && next.editable ? unresolved(current.findings, next.draft.overrides) : [];
    next.canSign =
      next.editable && current !== null && current.items.length > 0 && current.checkedAt !== null && current.checkError === null && next.blocking.length === 0 && !next.saving && !next.signing;
    this.snapshot = next;
    for (const l of [...this.listeners]) l();
  }
}
