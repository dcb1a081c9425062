import { describe, expect, it } from 'vitest';
import { emptyDraft, type EditorDraft } from './draft';
import { combineBodies, mergeDrafts, takeFields } from './merge';

const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const doc = (...texts: string[]) => ({ type: 'doc', content: texts.map(para) });

const base: EditorDraft = {
  ...emptyDraft(1, [{ id: 2, name: 'Iryna Bondar' }]),
  title: 'Night buses return',
  dek: 'The pilot starts on Monday.',
  slug: 'night-buses',
  slugTouched: true,
  body: doc('Trams will run later.', 'Four routes.'),
  tags: [{ id: 1, name: 'Transit' }],
};

describe('mergeDrafts', () => {
  it('takes a field only they changed and keeps one only I changed, without asking', () => {
    const mine = { ...base, title: 'Night buses are back' };
    const theirs = { ...base, dek: 'The pilot starts on Tuesday.', tags: [{ id: 1, name: 'Transit' }, { id: 3, name: 'Budget' }] };
    const { merged, fromTheirs, conflicts } = mergeDrafts(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(fromTheirs).toEqual(['dek', 'tags']);
    expect(merged).toMatchObject({ title: 'Night buses are back', dek: 'The pilot starts on Tuesday.' });
    expect(merged.tags.map((t) => t.id)).toEqual([1, 3]);
  });

  it('asks only about a field both changed differently, keeping mine there meanwhile', () => {
    const mine = { ...base, title: 'Night buses are back', body: doc('Trams will run until 2 a.m.', 'Four routes.') };
    const theirs = { ...base, title: 'Night buses return on Monday', kicker: 'Transport' };
    const { merged, fromTheirs, conflicts } = mergeDrafts(base, mine, theirs);
    expect(conflicts).toEqual(['title']);
    expect(fromTheirs).toEqual(['kicker']);
    expect(merged).toMatchObject({ title: 'Night buses are back', kicker: 'Transport', body: mine.body });
  });

  it('does not ask about a change both made the same way', () => {
    const mine = { ...base, dek: 'Starts Tuesday.' };
    const theirs = { ...base, dek: 'Starts Tuesday.' };
    expect(mergeDrafts(base, mine, theirs)).toMatchObject({ conflicts: [], fromTheirs: [] });
  });

  it('compares the body as saved: a display-only image address is no change', () => {
    const image = (src: string | null) => ({ type: 'doc', content: [{ type: 'image', attrs: { mediaId: 7, src } }] });
    const start = { ...base, body: image(null) };
    const { conflicts, fromTheirs } = mergeDrafts(start, { ...start, body: image('/media/a.jpg') }, { ...start, title: 'New' });
    expect(conflicts).toEqual([]);
    expect(fromTheirs).toEqual(['title']);
  });

  it('a slug taken from theirs stops following the title', () => {
    const start = { ...base, slugTouched: false };
    const { merged } = mergeDrafts(start, start, { ...start, slug: 'buses-back' });
    expect(merged).toMatchObject({ slug: 'buses-back', slugTouched: true });
    expect(takeFields(start, { ...start, title: 'T', dek: 'D' }, ['title'])).toMatchObject({ title: 'T', dek: base.dek });
  });
});

describe('combineBodies', () => {
  const body = (...texts: string[]) => ({ ...base, body: doc(...texts) });
  const start = body('One.', 'Two.', 'Three.', 'Four.');

  it('combines changes to different paragraphs, each in its place', () => {
    const mine = body('One, edited.', 'Two.', 'Three.', 'Four.');
    const theirs = body('One.', 'Two.', 'Three.', 'Four, edited.', 'Five.');
    expect(combineBodies(start, mine, theirs)).toEqual(doc('One, edited.', 'Two.', 'Three.', 'Four, edited.', 'Five.'));
  });

  it('keeps a paragraph one side removed removed, and one side added added', () => {
    const mine = body('One.', 'Three.', 'Four.');
    const theirs = body('One.', 'Two.', 'Three.', 'Four.', 'Coda.');
    expect(combineBodies(start, mine, theirs)).toEqual(doc('One.', 'Three.', 'Four.', 'Coda.'));
  });

  it('leaves changes to the same or neighbouring paragraphs to a person', () => {
    expect(combineBodies(start, body('One!', 'Two.', 'Three.', 'Four.'), body('One?', 'Two.', 'Three.', 'Four.'))).toBeNull();
    expect(combineBodies(start, body('One.', 'Two!', 'Three.', 'Four.'), body('One.', 'Two.', 'Three?', 'Four.'))).toBeNull();
    expect(combineBodies(start, body('One.', 'Two.', 'Mine.', 'Three.', 'Four.'), body('One.', 'Two.', 'Theirs.', 'Three.', 'Four.'))).toBeNull();
  });
});
