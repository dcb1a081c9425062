import { describe, expect, it } from 'vitest';
import {
  decideDeleteResult,
  decideMoveAnswer,
  decideMoveMayGo,
  decideNoteAnswer,
  deleteForm,
  readNoteForm,
  SAVE_BEFORE_MOVE,
} from './editor-answers';

describe('a workflow move', () => {
  it('goes ahead once the save succeeded, or when a failed save left nothing unsaved', () => {
    expect(decideMoveMayGo({ saved: true, dirty: false, articleId: 7 })).toBeNull();
    expect(decideMoveMayGo({ saved: false, dirty: false, articleId: 7 })).toBeNull();
  });

  it('asks for a save first when the editor still holds unsaved text or the article does not exist yet', () => {
    expect(decideMoveMayGo({ saved: false, dirty: true, articleId: 7 })).toBe(SAVE_BEFORE_MOVE);
    expect(decideMoveMayGo({ saved: false, dirty: false, articleId: null })).toBe(SAVE_BEFORE_MOVE);
  });

  it('takes on the new status, times and version the server answered', () => {
    const answer = { ok: true as const, id: 7, version: 5, status: 'scheduled' as const, scheduledAt: '2030-01-02T08:00:00.000Z', publishedAt: null };
    expect(decideMoveAnswer(answer)).toEqual({
      ok: true,
      version: 5,
      workflow: { status: 'scheduled', scheduledAt: '2030-01-02T08:00:00.000Z', publishedAt: null },
    });
  });

  it('explains a conflict and a lost connection in the editor’s words, and passes other refusals on', () => {
    expect(decideMoveAnswer({ ok: false, reason: 'conflict', error: 'Conflict.' })).toEqual({
      ok: false,
      message: 'Someone saved this article meanwhile. Reload to see their version before changing its status.',
    });
    expect(decideMoveAnswer({ ok: false, reason: 'offline', error: 'The server could not be reached.' })).toEqual({
      ok: false,
      message: 'You are offline: nothing changed. Try again when the connection returns.',
    });
    expect(decideMoveAnswer({ ok: false, reason: 'forbidden', error: 'Only an editor can publish.' })).toEqual({
      ok: false,
      message: 'Only an editor can publish.',
    });
  });
});

describe('a note for readers', () => {
  const form = (kind: string, text: string) => {
    const data = new FormData();
    data.set('kind', kind);
    data.set('text', text);
    return data;
  };

  it('sends the form’s kind, text and reason as typed (the notes route checks them)', () => {
    const data = form('update', 'Police named the driver.');
    data.set('reason', 'Police statement');
    expect(readNoteForm(data)).toEqual({ kind: 'update', text: 'Police named the driver.', reason: 'Police statement' });
    expect(readNoteForm(new FormData())).toEqual({ kind: null, text: null, reason: null });
  });

  it('joins the list stamped with the time it was added once the server took it', () => {
    const sent = readNoteForm(form('clarification', 'The route opens in May, not March.'));
    const at = new Date('2030-03-04T10:00:00.000Z');
    expect(decideNoteAnswer({ ok: true, id: 7, version: 9, status: 'published' }, sent, at)).toEqual({
      ok: true,
      version: 9,
      note: { at: '2030-03-04T10:00:00.000Z', kind: 'clarification', text: 'The route opens in May, not March.' },
    });
  });

  it('falls back to the list’s default kind for a kind it does not know', () => {
    const decided = decideNoteAnswer({ ok: true, id: 7, version: 9, status: 'published' }, { kind: null, text: 'Fixed a name.' }, new Date(0));
    expect(decided.ok && decided.note.kind).toBeUndefined();
  });

  it('shows the server’s reason when the note was refused', () => {
    const sent = readNoteForm(form('correction', ''));
    expect(decideNoteAnswer({ ok: false, reason: 'invalid', error: 'Write the note readers will see.' }, sent, new Date())).toEqual({
      ok: false,
      message: 'Write the note readers will see.',
    });
  });
});

describe('deleting an article', () => {
  it('names the article and the version the decision was made on, confirmed', () => {
    const data = deleteForm(7, 4);
    expect(data.get('id')).toBe('7');
    expect(data.get('version')).toBe('4');
    expect(data.get('confirm')).toBe('yes');
  });

  it('says nothing when the article is gone, and why when it is not', () => {
    expect(decideDeleteResult({ ok: true, message: 'Deleted.' })).toBeNull();
    expect(decideDeleteResult({ ok: false, error: 'Someone changed this article since you opened it.' })).toBe(
      'Someone changed this article since you opened it.',
    );
    expect(decideDeleteResult({})).toBe('The article could not be deleted.');
  });
});
