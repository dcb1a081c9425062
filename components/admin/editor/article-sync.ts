import type { EditorArticle } from '@/db/queries/editor';
import type { ArticleStatus } from '@/lib/domain';
import {
  changedDraftFields,
  draftFromArticle,
  draftToInput,
  localCopyKey,
  sameDraft,
  type DraftField,
  type EditorDraft,
  type LocalCopy,
} from '@/lib/articles/draft';
import { combineBodies, mergeDrafts, takeFields } from '@/lib/articles/merge';
import { newsroomClient } from '@/components/admin/newsroom-client';

// Keeps the editor's draft safe: in this browser on every change (so a crash or a lost
// connection loses nothing), and on the server a moment after typing stops (and at least every
// MAX_WAIT_MS while typing goes on). One save in flight at a time. A live or scheduled article is
// autosaved to its pending changes instead (db/mutations/working-copies.ts): a half-typed
// sentence must not go public, yet any editor who opens the article sees them; "Update" applies
// them. A save based on an older version is merged field by field with the one it met
// (lib/articles/merge.ts); only fields both sides changed stop autosave until the writer decides.
//
// A plain object with subscribe/getSnapshot, so React reads it with useSyncExternalStore and the
// timers and in-flight request live outside render.

export const AUTOSAVE_DELAY_MS = 1500;
const MAX_WAIT_MS = 8000;
const RETRY_MS = 4000;

/** The server's side of a conflict: what it holds now, and the versions a save on top names. */
export interface RemoteDraft {
  version: number;
  pendingRevision: number | null;
  draft: EditorDraft;
  article: EditorArticle;
}

export type SyncStatus =
  | { kind: 'saved'; at: Date | null }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'offline' }
  | { kind: 'error'; message: string; errors: Record<string, string> }
  | { kind: 'signed-out' }
  // `conflicts`: the fields both sides changed (the rest is already merged into the draft);
  // `base`: what both started from, to combine two bodies changed in different paragraphs.
  | { kind: 'conflict'; savedBy: string | null; remote: RemoteDraft | null; conflicts: DraftField[]; base: EditorDraft | null };

/** Who last saved a live article's pending changes, and when (`mine`: this editor did). */
export interface PendingInfo {
  by: string | null;
  mine: boolean;
  at: string;
}

export interface SyncSnapshot {
  draft: EditorDraft;
  status: SyncStatus;
  articleId: number | null;
  // The article's version the draft was made on (pending changes carry onto the newest).
  version: number | null;
  // Edits go to pending changes (a live or scheduled article), not to the article.
  pendingMode: boolean;
  // The pending changes' save count on the server; null while there are none.
  pendingRevision: number | null;
  pendingInfo: PendingInfo | null;
  // Fields last merged in from someone else's save without asking.
  merged: { by: string | null; fields: DraftField[] } | null;
  // After a conflict was decided: the side not kept, for those fields, to copy from (pending
  // changes are not revisions, so this is where the other side stays recoverable).
  setAside: { side: 'theirs' | 'yours'; by: string | null; fields: DraftField[]; draft: EditorDraft } | null;
  // Bumped whenever the draft is replaced from outside, so the body editor reloads it.
  epoch: number;
}
export interface SyncOptions {
  articleId: number | null;
  version: number | null;
  initial: EditorDraft;
  pendingMode?: boolean;
  pending?: { revision: number; info: PendingInfo } | null;
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
  // The draft equals `saved` but the article does not hold it (pending changes of an article
  // that stopped being live).
  private unsent = false;
  // A browser copy restored without its base: a conflict cannot tell whose change a field is, so
  // every field that differs is asked about.
  private baseUnknown = false;
  onCreated: ((id: number) => void) | undefined;
  private savedListener: ((status: ArticleStatus) => void) | null = null;
  private readonly api: ReturnType<typeof newsroomClient>;
  private readonly storage: SyncOptions['storage'];

  constructor(options: SyncOptions) {
    this.snapshot = {
      draft: options.initial,
      status: { kind: 'saved', at: null },
      articleId: options.articleId,
      version: options.version,
      pendingMode: options.pendingMode ?? false,
      pendingRevision: options.pending?.revision ?? null,
      pendingInfo: options.pending?.info ?? null,
      merged: null,
      setAside: null,
      epoch: 0,
    };
    this.saved = options.initial;
    // Pending changes of an article no longer live: its next save must send them to the article.
    this.unsent = Boolean(options.pending) && !options.pendingMode;
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
    return this.unsent || !sameDraft(this.snapshot.draft, this.saved);
  }

  /**
   * The article moved in the workflow: from now on edits go to pending changes, or to the
   * article. Pending changes of an article that stops being live become its draft's next save.
   */
  setPendingMode(value: boolean) {
    if (value === this.snapshot.pendingMode) return;
    const hadPending = this.snapshot.pendingRevision !== null;
    this.set({ pendingMode: value, ...(value ? {} : { pendingRevision: null, pendingInfo: null }) });
    if (!value && hadPending) {
      // The server's article does not hold them yet: the next save sends them.
      this.unsent = true;
      this.setStatus({ kind: 'dirty' });
      this.schedule(0);
    }
  }

  /** Whether the editor holds changes readers do not see yet (pending mode only). */
  hasPending(): boolean {
    return this.snapshot.pendingMode && (this.snapshot.pendingRevision !== null || this.isDirty());
  }

  // The body editor keeps its own document (and the caret of someone typing in it): it reloads
  // only when the body itself was replaced from outside.
  private replaceDraft(draft: EditorDraft, patch: Partial<SyncSnapshot> = {}) {
    const bodyReplaced = JSON.stringify(draft.body) !== JSON.stringify(this.snapshot.draft.body);
    this.set({ ...patch, draft, epoch: this.snapshot.epoch + (bodyReplaced ? 1 : 0) });
  }

  setSubstantive(value: boolean) {
    this.substantive = value;
  }

  // ---- the browser's copy

  writeLocal(draft = this.snapshot.draft) {
    try {
      const copy: LocalCopy = {
        draft,
        baseVersion: this.snapshot.version,
        base: this.saved,
        pendingRevision: this.snapshot.pendingRevision,
        at: new Date().toISOString(),
      };
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
    if (kind !== 'saving' && kind !== 'offline') this.setStatus({ kind: 'dirty' });
    this.schedule(Date.now() - this.lastSaveAt > MAX_WAIT_MS ? 0 : AUTOSAVE_DELAY_MS);
  }

  /** Put back what the browser kept (its base version may be stale: the save will say so). */
  restore(copy: LocalCopy) {
    if (copy.baseVersion !== null) this.set({ version: copy.baseVersion });
    // The typing is measured against what the server held when it started, never against what
    // the server holds now: that would take every later change by others as mine to undo.
    if (copy.base) this.saved = copy.base;
    else this.baseUnknown = true;
    this.set({ pendingRevision: copy.pendingRevision ?? null, epoch: this.snapshot.epoch + 1 });
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
    if (this.snapshot.articleId !== null && !this.unsent && sameDraft(sending, this.saved)) {
      if (this.snapshot.status.kind !== 'saved') this.setStatus({ kind: 'saved', at: new Date() });
      return true;
    }
    if (this.snapshot.articleId === null && !sending.title.trim()) return false;
    return this.run(sending, false);
  }

  /**
   * "Update": applies what the editor shows (the pending changes and anything typed since) to the
   * live article in one save, which also clears the pending changes on the server.
   */
  async publish(): Promise<boolean> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.inFlight) await this.inFlight;
    if (this.snapshot.status.kind === 'conflict' || this.snapshot.articleId === null) return false;
    if (!this.hasPending()) return true;
    return this.run(this.snapshot.draft, true);
  }

  private async run(sending: EditorDraft, publish: boolean): Promise<boolean> {
    this.inFlight = this.send(sending, publish);
    try {
      return await this.inFlight;
    } finally {
      this.inFlight = null;
    }
  }

  private async send(sending: EditorDraft, publish: boolean): Promise<boolean> {
    this.setStatus({ kind: 'saving' });
    this.lastSaveAt = Date.now();
    const id = this.snapshot.articleId;
    const toPending = id !== null && this.snapshot.pendingMode && !publish;
    const article = draftToInput(sending);
    const answer =
      id === null
        ? await this.api.createArticle(article)
        : toPending
          ? await this.api.savePending(id, { revision: this.snapshot.pendingRevision, baseVersion: this.snapshot.version, article })
          : await this.api.saveArticle(id, { version: this.snapshot.version, article, substantive: this.substantive });
    if (answer.ok) {
      const created = id === null;
      if (created) this.clearLocal();
      this.saved = sending;
      this.baseUnknown = false;
      if (!toPending) this.unsent = false;
      if ('revision' in answer) {
        this.set({ pendingRevision: answer.revision, pendingInfo: { by: null, mine: true, at: new Date().toISOString() } });
      } else {
        this.substantive = false;
        this.set({ articleId: answer.id, version: answer.version, pendingRevision: null, pendingInfo: null });
        if (created) this.onCreated?.(answer.id);
        this.savedListener?.(answer.status);
      }
      if (sameDraft(this.snapshot.draft, sending)) {
        this.clearLocal();
        this.setStatus({ kind: 'saved', at: new Date() });
        return true;
      }
      this.writeLocal();
      this.setStatus({ kind: 'dirty' });
      this.schedule(0);
      return false;
    }
    switch (answer.reason) {
      case 'conflict':
        return id === null ? false : this.meet(id, answer.current?.savedBy ?? null);
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

  /** The server's side as this editor would save on top of it. */
  private remoteOf(article: EditorArticle): RemoteDraft {
    const pending = this.snapshot.pendingMode ? article.pending : null;
    const draft = draftFromArticle(pending ? { ...pending.content, publishedAt: article.publishedAt } : article);
    // Pending changes apply to the article as it is now (db/mutations/working-copies.ts).
    return { version: article.version, pendingRevision: pending?.revision ?? null, draft, article };
  }

  /**
   * A save met a newer one. Fields only one side changed since this editor's last save merge by
   * themselves and the merged draft is saved on top; fields both changed wait for the writer.
   */
  private async meet(id: number, savedBy: string | null): Promise<boolean> {
    this.setStatus({ kind: 'conflict', savedBy, remote: null, conflicts: [], base: null });
    const loaded = await this.api.loadArticle(id);
    if (!loaded.ok) return false;
    const remote = this.remoteOf(loaded.article);
    const by = (this.snapshot.pendingMode ? loaded.article.pending?.savedBy : null) ?? savedBy;
    const base = this.baseUnknown ? null : this.saved;
    const { merged, fromTheirs, conflicts } = this.baseUnknown
      ? { merged: this.snapshot.draft, fromTheirs: [], conflicts: changedDraftFields(this.snapshot.draft, remote.draft) }
      : mergeDrafts(this.saved, this.snapshot.draft, remote.draft);
    this.baseUnknown = false;
    this.saved = remote.draft;
    const patch: Partial<SyncSnapshot> = {
      version: remote.version,
      pendingRevision: remote.pendingRevision,
      pendingInfo: this.infoOf(loaded.article),
      merged: fromTheirs.length > 0 ? { by, fields: fromTheirs } : null,
    };
    if (fromTheirs.length > 0) this.replaceDraft(merged, patch);
    else this.set(patch);
    this.writeLocal();
    if (conflicts.length > 0) {
      this.setStatus({ kind: 'conflict', savedBy: by, remote, conflicts, base });
      return false;
    }
    this.setStatus({ kind: 'dirty' });
    this.schedule(0);
    return false;
  }

  private infoOf(article: EditorArticle): PendingInfo | null {
    const pending = this.snapshot.pendingMode ? article.pending : null;
    return pending ? { by: pending.savedBy, mine: false, at: pending.savedAt } : null;
  }

  /** Retry after the connection came back. */
  retry() {
    const kind = this.snapshot.status.kind;
    if (kind === 'offline' || kind === 'signed-out' || kind === 'error') {
      this.setStatus({ kind: 'dirty' });
      void this.save();
    }
  }

  /** The body both changed, combined paragraph by paragraph, when only the body is in question. */
  combinedBody(): unknown | null {
    const status = this.snapshot.status;
    if (status.kind !== 'conflict' || !status.remote || !status.base || status.conflicts.join() !== 'body') return null;
    return combineBodies(status.base, this.snapshot.draft, status.remote.draft);
  }

  /**
   * After a conflict, for the fields both sides changed: keep mine (saved on top; theirs stays in
   * the revisions, or on screen to copy), take theirs, or — for a body both changed in different
   * paragraphs — both. Everything else is already merged.
   */
  async resolveConflict(choice: 'mine' | 'theirs' | 'both'): Promise<boolean> {
    const status = this.snapshot.status;
    if (status.kind !== 'conflict' || !status.remote) return false;
    const mine = this.snapshot.draft;
    if (choice === 'both') {
      const body = this.combinedBody();
      if (body === null) return false;
      this.replaceDraft({ ...mine, body });
      this.writeLocal();
      this.setStatus({ kind: 'dirty' });
      return this.save();
    }
    this.set({
      setAside: { side: choice === 'mine' ? 'theirs' : 'yours', by: status.savedBy, fields: status.conflicts, draft: choice === 'mine' ? status.remote.draft : mine },
    });
    if (choice === 'theirs') this.replaceDraft(takeFields(mine, status.remote.draft, status.conflicts));
    this.writeLocal();
    this.setStatus({ kind: 'dirty' });
    return this.save();
  }

  /** Tell `listener` the article's workflow status after each save (use-workflow.ts); returns the unsubscribe. */
  onSaved(listener: (status: ArticleStatus) => void): () => void {
    this.savedListener = listener;
    return () => {
      if (this.savedListener === listener) this.savedListener = null;
    };
  }

  /** "Discard pending changes": the editor goes back to the live article as it stands. */
  async discardPending(): Promise<string | null> {
    const id = this.snapshot.articleId;
    if (id === null) return null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.inFlight) await this.inFlight;
    const revision = this.snapshot.pendingRevision;
    if (revision !== null) {
      const answer = await this.api.discardPending(id, revision);
      if (!answer.ok) return answer.reason === 'conflict' ? `${answer.error} Reload the page to see them.` : answer.error;
    }
    const loaded = await this.api.loadArticle(id);
    if (!loaded.ok) return loaded.error;
    const draft = draftFromArticle(loaded.article);
    this.saved = draft;
    this.replaceDraft(draft, {
      version: loaded.article.version,
      pendingRevision: null,
      pendingInfo: null,
      merged: null,
      setAside: null,
      status: { kind: 'saved', at: null },
    });
    this.clearLocal();
    return null;
  }

  dismissSetAside() {
    this.set({ setAside: null });
  }

  /** A workflow move bumped the version on the server. */
  acknowledge(version: number) {
    this.set({ version });
  }
}
