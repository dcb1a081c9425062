'use client';

import { useState } from 'react';
import { newsroom } from '@/components/admin/newsroom-client';
import { ARTICLE_NOTE_KINDS, type ArticleNote } from '@/lib/domain';
import type { ArticleSync } from './article-sync';
import { decideNoteAnswer, readNoteForm } from './editor-answers';
import { inputClass } from './fields';

// Corrections and updates readers see under a live article: the list, and the form that adds
// one (for those who may publish). A refusal shows in the workflow panel's message slot, the
// editor's one place for what the server refused besides a save.
export function ArticleNotes({
  initial,
  live,
  canAdd,
  sync,
  onError,
}: {
  initial: ArticleNote[];
  live: boolean;
  canAdd: boolean;
  sync: ArticleSync;
  onError: (message: string | null) => void;
}) {
  const [notes, setNotes] = useState(initial);

  async function addNote(form: HTMLFormElement) {
    const sent = readNoteForm(new FormData(form));
    onError(null);
    const { articleId, version } = sync.getSnapshot();
    const decided = decideNoteAnswer(await newsroom.addNote(articleId!, { version, ...sent }), sent, new Date());
    if (!decided.ok) {
      onError(decided.message);
      return;
    }
    sync.acknowledge(decided.version);
    setNotes((n) => [...n, decided.note]);
    form.reset();
  }

  if (!live && notes.length === 0) return null;
  return (
    <section aria-labelledby="notes-title" className="space-y-3 rounded-lg border border-rule bg-paper p-4">
      <h2 id="notes-title" className="text-sm font-bold tracking-widest text-muted uppercase">
        Corrections and updates
      </h2>
      {notes.length > 0 ? (
        <ul className="space-y-2 text-sm" data-testid="article-notes">
          {notes.map((n, i) => (
            <li key={i}>
              <span className="font-semibold capitalize">{n.kind ?? 'correction'}:</span> {n.text}
            </li>
          ))}
        </ul>
      ) : null}
      {live && canAdd ? (
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            void addNote(e.currentTarget);
          }}
        >
          <label htmlFor="note-kind" className="block text-sm font-semibold">
            Kind
          </label>
          <select id="note-kind" name="kind" className={inputClass} defaultValue="correction">
            {ARTICLE_NOTE_KINDS.map((k) => (
              <option key={k} value={k}>
                {k[0]!.toUpperCase() + k.slice(1)}
              </option>
            ))}
          </select>
          <label htmlFor="note-text" className="block text-sm font-semibold">
            Note readers will see
          </label>
          <textarea id="note-text" name="text" rows={3} required className={inputClass} />
          <label htmlFor="note-reason" className="block text-sm font-semibold">
            Reason <span className="font-normal text-muted">(optional; for the audit log, readers never see it)</span>
          </label>
          <input id="note-reason" name="reason" maxLength={500} className={inputClass} />
          <button type="submit" className="rounded-md border border-rule px-3 py-2 text-sm font-semibold hover:border-ink">
            Add note
          </button>
        </form>
      ) : null}
    </section>
  );
}
