import type { EditorArticle } from '@/db/queries/editor';
import type { ArticleStatus } from '@/lib/domain';
import { draftToInput, localCopyKey, sameDraft, type EditorDraft, type LocalCopy } from '@/lib/articles/draft';
import { newsroomClient } from '@/components/admin/newsroom-client';

// Keeps the editor's draft safe: in this browser on every change (so a crash or a lost
// connection loses nothing), and on the server a moment after typing stops (and at least every
// MAX_WAIT_MS while typing goes on). One save in flight at a time; a stale version comes back as
// a conflict and autosave stops until the writer decides. Live articles are not autosaved to the
// server: a half-typed sentence must not go public — their changes wait for "Update".
//
// A plain object with subscribe/getSnapshot, so React reads it with useSyncExternalStore and the
// timers and in-flight request live outside render.

export const AUTOSAVE_DELAY_MS = 1500;
const MAX_WAIT_MS = 8000;
const RETRY_MS = 4000;

export type SyncStatus =
  | { kind: 'saved'; at: Date | null }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'offline' }
  | { kind: 'held' }
  | { kind: 'error'; message: string; errors: Record<string, string> }
  | { kind: 'signed-out' }
  | { kind: 'conflict'; savedBy: string | null; theirs: EditorArticle | null };

export interface SyncSnapshot {
  draft: EditorDraft;
  status: SyncStatus;
  articleId: number | null;
  version: number | null;
}

export interface SyncOptions {
  articleId: number | null;
  version: number | null;
  initial: EditorDraft;
  autosave: boolean;
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  onCreated?: (id: number) => void;
}

export class ArticleSync {
  private snapshot: SyncSnapshot;
  private saved: EditorDraft;
  private listeners = new Set<() => void>();
  private inFlight: Promise<boolean> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastSaveAt = Date.now();
  private substantive = false;
  autosave: boolean;
  onCreated: ((id: number) => void) | undefined;
  private savedListener: ((status: ArticleStatus) => void) | null = null;
  private readonly api: ReturnType<typeof newsroomClient>;
  private readonly storage: SyncOptions['storage'];

  constructor(options: SyncOptions) {
    this.snapshot = { draft: options.initial, status: { kind: 'saved', at: null }, articleId: options.articleId, version: options.version };
    this.saved = options.initial;
    this.autosave = options.autosave;
    this.onCreated = options.onCreated;
    this.api = newsroomClient(options.fetch);
    this.storage = options.storage === undefined ? (typeof localStorage === 'undefined' ? null : localStorage) : options.storage;
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  private set(patch: Partial<SyncSnapshot>) {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }

  private setStatus(status: SyncStatus) {
    this.set({ status });
  }

  isDirty(): boolean {
    return !sameDraft(this.snapshot.draft, this.saved);
  }

  setAutosave(value: boolean) {
    this.autosave = value;
  }

  setSubstantive(value: boolean) {
    this.substantive = value;
  }

  // ---- the browser's copy

  writeLocal(draft = this.snapshot.draft) {
    try {
      const copy: LocalCopy = { draft, baseVersion: this.snapshot.version, at: new Date().toISOString() };
      this.storage?.setItem(localCopyKey(this.snapshot.articleId), JSON.stringify(copy));
    } catch {
      // Storage full or disabled: the server copy is all there is.
    }
  }

  private clearLocal() {
    try {
      this.storage?.removeItem(localCopyKey(this.snapshot.articleId));
      this.storage?.removeItem(localCopyKey(null));
    } catch {
      /* nothing to clear */
    }
  }

  // ---- editing

  update(change: (draft: EditorDraft) => EditorDraft) {
    const draft = change(this.snapshot.draft);
    this.set({ draft });
    this.writeLocal(draft);
    const kind = this.snapshot.status.kind;
    if (kind === 'conflict' || kind === 'signed-out') return;
    if (!this.autosave) {
      this.setStatus(sameDraft(draft, this.saved) ? { kind: 'saved', at: null } : { kind: 'held' });
      return;
    }
    if (kind !== 'saving' && kind !== 'offline') this.setStatus({ kind: 'dirty' });
    this.schedule(Date.now() - this.lastSaveAt > MAX_WAIT_MS ? 0 : AUTOSAVE_DELAY_MS);
  }

  /** Put back what the browser kept (its base version may be stale: the save will say so). */
  restore(copy: LocalCopy) {
    if (copy.baseVersion !== null) this.set({ version: copy.baseVersion });
    this.update(() => copy.draft);
  }

  private schedule(delay: number) {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.save(), delay);
  }

  dispose() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  // ---- saving

  /** Saves now; resolves true when the server holds what the editor shows. */
  async save(): Promise<boolean> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.inFlight) {
      await this.inFlight;
      return this.isDirty() ? this.save() : true;
    }
    if (this.snapshot.status.kind === 'conflict') return false;
    const sending = this.snapshot.draft;
    if (this.snapshot.articleId !== null && sameDraft(sending, this.saved)) {
      if (this.snapshot.status.kind !== 'saved') this.setStatus({ kind: 'saved', at: new Date() });
      return true;
    }
    if (this.snapshot.articleId === null && !sending.title.trim()) return false;
    this.inFlight = this.send(sending);
    try {
      return await this.inFlight;
    } finally {
      this.inFlight = null;
    }
  }

  private async send(sending: EditorDraft): Promise<boolean> {
    this.setStatus({ kind: 'saving' });
    this.lastSaveAt = Date.now();
    const id = this.snapshot.articleId;
    const answer =
      id === null
        ? await this.api.createArticle(draftToInput(sending))
        : await this.api.saveArticle(id, { version: this.snapshot.version, article: draftToInput(sending), substantive: this.substantive });
    if (answer.ok) {
      const body = answer;
      const created = id === null;
      if (created) this.clearLocal();
      this.saved = sending;
      this.substantive = false;
      this.set({ articleId: body.id, version: body.version });
      if (created) this.onCreated?.(body.id);
      this.savedListener?.(body.status);
      if (sameDraft(this.snapshot.draft, sending)) {
        this.clearLocal();
        this.setStatus({ kind: 'saved', at: new Date() });
        return true;
      }
      this.writeLocal();
      this.setStatus({ kind: 'dirty' });
      if (this.autosave) this.schedule(0);
      return false;
    }
    switch (answer.reason) {
      case 'conflict': {
        const savedBy = answer.current?.savedBy ?? null;
        this.setStatus({ kind: 'conflict', savedBy, theirs: null });
        // Without their copy, the panel says what it can.
        const theirs = id === null ? null : await this.api.loadArticle(id);
        this.setStatus({ kind: 'conflict', savedBy, theirs: theirs?.ok ? theirs.article : null });
        return false;
      }
      case 'signed_out':
        this.setStatus({ kind: 'signed-out' });
        return false;
      case 'offline':
      case 'unavailable':
        this.setStatus({ kind: 'offline' });
        this.schedule(RETRY_MS);
        return false;
      default: {
        // One message a field: the first thing wrong with it.
        const errors = Object.fromEntries(Object.entries(answer.fieldErrors ?? {}).map(([field, messages]) => [field, messages?.[0] ?? '']));
        this.setStatus({ kind: 'error', message: answer.error, errors });
        return false;
      }
    }
  }

  /** Retry after the connection came back. */
  retry() {
    const kind = this.snapshot.status.kind;
    if (kind === 'offline' || kind === 'signed-out' || kind === 'error') {
      this.setStatus({ kind: 'dirty' });
      void this.save();
    }
  }

  /**
   * After a conflict: adopt the other save's version and either keep my text (saved on top;
   * theirs stays in the revisions) or take theirs into the editor.
   */
  async resolveConflict(choice: 'mine' | 'theirs', theirs: { version: number; draft: EditorDraft }): Promise<boolean> {
    this.saved = theirs.draft;
    if (choice === 'theirs') {
      this.set({ version: theirs.version, draft: theirs.draft, status: { kind: 'saved', at: new Date() } });
      this.clearLocal();
      return true;
    }
    this.set({ version: theirs.version, status: { kind: 'dirty' } });
    return this.save();
  }

  /** Tell `listener` the article's workflow status after each save (use-workflow.ts); returns the unsubscribe. */
  onSaved(listener: (status: ArticleStatus) => void): () => void {
    this.savedListener = listener;
    return () => {
      if (this.savedListener === listener) this.savedListener = null;
    };
  }

  /** A workflow move bumped the version on the server. */
  acknowledge(version: number) {
    this.set({ version });
  }
}
