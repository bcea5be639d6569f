import type { NoteFields, NoteSaveRequest, NoteView } from '@cloudclinic/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NoteAutosave } from './note-autosave';
import { draftApplies, draftKey, readDraft, rebase, writeDraft, type NoteDraft } from './note-draft';

class FakeError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
  ) {
    super(code);
  }
}

/** The server side of the note: optimistic concurrency on `revision`, like server/src/modules/consultations/note-service.ts. */
function fakeServer(initial: Partial<NoteFields> = {}) {
  const state = {
    fields: { chiefComplaint: '', history: '', examination: '', assessment: '', plan: '', ...initial },
    revision: 0,
    signed: false,
    updatedAt: new Date('2026-11-23T01:00:00Z').getTime(),
  };
  const saves: NoteSaveRequest[] = [];
  let failNext: FakeError[] = [];
  const view = (): NoteView => ({
    ...state.fields,
    diagnoses: [],
    missing: [],
    revision: state.revision,
    signed: state.signed,
    updatedAt: new Date(state.updatedAt).toISOString(),
    versions: state.signed ? [{ version: 1, signedAt: '2026-11-23T02:00:00Z', signedById: 'u1', hash: 'h' }] : [],
  });
  const backend = {
    load: vi.fn(async () => view()),
    save: vi.fn(async (req: NoteSaveRequest) => {
      saves.push(req);
      await Promise.resolve();
      const failure = failNext.shift();
      if (failure) throw failure;
      if (state.signed) throw new FakeError('invalid_state', 409);
      if (req.baseRevision !== state.revision) throw new FakeError('revision_conflict', 409);
      const { baseRevision: _b, ...changes } = req;
      state.fields = { ...state.fields, ...changes };
      state.revision += 1;
      state.updatedAt += 1000;
      return view();
    }),
  };
  return {
    state,
    saves,
    backend,
    failWith: (...errors: FakeError[]) => (failNext = errors),
    /** Someone else saves (another tab). */
    externalSave(changes: Partial<NoteFields>) {
      state.fields = { ...state.fields, ...changes };
      state.revision += 1;
      state.updatedAt += 1000;
    },
  };
}

function memoryStorage() {
  const data = new Map<string, string>();
  return { data, getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k) };
}

const CID = 'c1';
let clock = new Date('2026-11-23T01:30:00Z').getTime();

function setup(server = fakeServer(), storage = memoryStorage()) {
  const note = new NoteAutosave({ consultationId: CID, backend: server.backend, storage, debounceMs: 800, retryMs: 5000, now: () => clock });
  return { note, server, storage };
}

beforeEach(() => {
  vi.useFakeTimers();
  clock = new Date('2026-11-23T01:30:00Z').getTime();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('NoteAutosave: typing and saving', () => {
  it('keeps each edit locally at once and saves only the changed fields 800 ms after typing stops', async () => {
    const { note, server, storage } = setup();
    await note.start();
    expect(note.getSnapshot().status).toBe('saved');

    note.edit('chiefComplaint', '胸');
    await vi.advanceTimersByTimeAsync(500);
    note.edit('chiefComplaint', '胸闷');
    expect(note.getSnapshot()).toMatchObject({ status: 'dirty', fields: { chiefComplaint: '胸闷' } });
    expect(readDraft(storage, CID)?.fields).toEqual({ chiefComplaint: '胸闷' });
    expect(server.saves).toHaveLength(0);

    await vi.advanceTimersByTimeAsync(800);
    expect(server.saves).toEqual([{ baseRevision: 0, chiefComplaint: '胸闷' }]);
    expect(note.getSnapshot().status).toBe('saved');
    expect(storage.data.has(draftKey(CID))).toBe(false);
  });

  it('flush saves at once (blur, unload, before ending) and keeps edits typed during the request', async () => {
    const { note, server } = setup();
    await note.start();
    note.edit('plan', '低盐饮食');
    const flushing = note.flush();
    expect(note.getSnapshot().status).toBe('saving');
    note.edit('plan', '低盐饮食，一月后复诊'); // typed while the PUT is in flight
    await flushing;
    await vi.advanceTimersByTimeAsync(800);
    expect(server.saves.map((s) => s.plan)).toEqual(['低盐饮食', '低盐饮食，一月后复诊']);
    expect(server.saves[1]?.baseRevision).toBe(1);
    expect(server.state.fields.plan).toBe('低盐饮食，一月后复诊');
    expect(note.isSettled).toBe(true);
  });
});

describe('NoteAutosave: conflicts and failures', () => {
  it('on revision_conflict reloads the server version and re-applies the local unsaved edit', async () => {
    const { note, server } = setup();
    await note.start();
    server.externalSave({ history: '高血压十年' }); // another tab saved meanwhile
    note.edit('assessment', '高血压 2 级');
    await note.flush();

    expect(server.saves).toEqual([
      { baseRevision: 0, assessment: '高血压 2 级' },
      { baseRevision: 1, assessment: '高血压 2 级' },
    ]);
    expect(note.getSnapshot()).toMatchObject({ status: 'saved', fields: { history: '高血压十年', assessment: '高血压 2 级' } });
  });

  it('shows the failure, keeps the draft and retries by itself after a network error', async () => {
    const { note, server, storage } = setup();
    await note.start();
    server.failWith(new FakeError('network', 0));
    note.edit('examination', 'BP 150/95');
    await note.flush();
    expect(note.getSnapshot()).toMatchObject({ status: 'error', errorCode: 'network' });
    expect(readDraft(storage, CID)?.fields).toEqual({ examination: 'BP 150/95' });

    await vi.advanceTimersByTimeAsync(5000);
    expect(note.getSnapshot().status).toBe('saved');
    expect(server.state.fields.examination).toBe('BP 150/95');
  });

  it('becomes read-only when the note was signed meanwhile', async () => {
    const { note, server, storage } = setup();
    await note.start();
    note.edit('plan', 'x');
    server.state.signed = true;
    await note.flush();
    expect(note.getSnapshot()).toMatchObject({ status: 'signed', signed: true });
    expect(storage.data.has(draftKey(CID))).toBe(false);
    note.edit('plan', 'y');
    expect(note.getSnapshot().fields.plan).toBe('');
  });
});

describe('NoteAutosave: reload in the middle of typing', () => {
  it('a new page finds the unsaved draft, shows it and saves it', async () => {
    const storage = memoryStorage();
    const server = fakeServer();
    const first = setup(server, storage).note;
    await first.start();
    first.edit('chiefComplaint', '反复胸闷三月');
    first.dispose(); // page reloaded before the debounce fired

    const second = setup(server, storage).note;
    await second.start();
    expect(second.getSnapshot()).toMatchObject({ restoredDraft: true, fields: { chiefComplaint: '反复胸闷三月' } });
    await vi.advanceTimersByTimeAsync(0);
    expect(server.state.fields.chiefComplaint).toBe('反复胸闷三月');
    expect(storage.data.has(draftKey(CID))).toBe(false);
  });

  it('keeps text typed while the last save was in flight when the page reloads', async () => {
    const storage = memoryStorage();
    const server = fakeServer();
    const first = setup(server, storage).note;
    await first.start();
    first.edit('plan', 'abc');
    void first.flush(); // PUT "abc" in flight …
    first.edit('plan', 'abcd'); // … "d" typed, then the page reloads
    first.dispose();
    await vi.advanceTimersByTimeAsync(0); // the server commits "abc" (revision 1) after the last keystroke

    const second = setup(server, storage).note;
    await second.start();
    expect(second.getSnapshot().fields.plan).toBe('abcd');
  });
});

describe('draftApplies', () => {
  const server = (revision: number, updatedAt: string, plan = 'server'): NoteView => ({
    diagnoses: [],
    missing: [],
    chiefComplaint: '',
    history: '',
    examination: '',
    assessment: '',
    plan,
    revision,
    signed: false,
    updatedAt,
    versions: [],
  });
  const draft = (baseRevision: number, updatedAt: string): NoteDraft => ({ baseRevision, fields: { plan: 'draft' }, updatedAt: Date.parse(updatedAt) });

  it('applies a draft based on the current revision, or edited after the last server save', () => {
    expect(draftApplies(draft(3, '2026-11-23T01:00:00Z'), server(3, '2026-11-23T02:00:00Z'))).toBe(true);
    expect(draftApplies(draft(2, '2026-11-23T03:00:00Z'), server(3, '2026-11-23T02:00:00Z'))).toBe(true);
  });

  it('drops a stale draft, one equal to the server, and anything on a signed note', () => {
    expect(draftApplies(draft(2, '2026-11-23T01:00:00Z'), server(3, '2026-11-23T02:00:00Z'))).toBe(false);
    expect(draftApplies(draft(3, '2026-11-23T01:00:00Z'), server(3, '2026-11-23T02:00:00Z', 'draft'))).toBe(false);
    expect(draftApplies(draft(3, '2026-11-23T01:00:00Z'), { ...server(3, '2026-11-23T02:00:00Z'), signed: true })).toBe(false);
  });

  it('rebase keeps only the dirty local fields over the server', () => {
    const s = { chiefComplaint: 's1', history: 's2', examination: 's3', assessment: 's4', plan: 's5' };
    const l = { chiefComplaint: 'l1', history: 'l2', examination: 'l3', assessment: 'l4', plan: 'l5' };
    expect(rebase(s, l, new Set(['plan'] as const))).toEqual({ ...s, plan: 'l5' });
  });

  it('ignores a corrupt stored draft', () => {
    const storage = memoryStorage();
    storage.setItem(draftKey(CID), '{"baseRevision":"x"}');
    expect(readDraft(storage, CID)).toBeNull();
    writeDraft(storage, CID, { baseRevision: 0, fields: {}, updatedAt: 0 });
    expect(storage.data.has(draftKey(CID))).toBe(false);
  });
});
