import { describe, expect, it } from 'vitest';
import type { ArticleSnapshot } from './snapshot';
import {
  bodyToDiffText,
  collapseUnchanged,
  diffIdList,
  diffLineLists,
  diffSnapshots,
  diffText,
  fieldLabel,
  type FieldDiff,
  type RevisionLookups,
} from './revision-diff';

const lookups: RevisionLookups = {
  sections: { 1: 'City', 2: 'Politics' },
  tags: { 1: 'Transit', 2: 'Budget', 3: 'Night life' },
  bylines: { 1: 'Iryna Bondar', 2: 'Nadia Okafor', 3: 'The news desk' },
  media: { 7: 'Tram depot at dawn', 8: 'Council chamber' },
  users: { 4: 'Olena Editor' },
};

const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

function snapshot(overrides: Partial<ArticleSnapshot> & Record<string, unknown> = {}): ArticleSnapshot {
  return {
    slug: 'night-buses',
    sectionId: 1,
    kind: 'news',
    title: 'Night buses return to four routes',
    dek: 'The pilot starts on Monday.',
    body: { type: 'doc', content: [para('Trams and buses will run later.'), para('The city pays for it.')] },
    status: 'draft',
    publishedAt: null,
    scheduledAt: null,
    heroMediaId: 7,
    heroCaption: 'The depot',
    heroCredit: 'Anna Lys/Gazette',
    videoUrl: null,
    seoTitle: null,
    seoDescription: null,
    socialMediaId: null,
    bylineIds: [1],
    tagIds: [1, 2],
    ...overrides,
  };
}

const byField = (diffs: FieldDiff[], field: string) => diffs.find((d) => d.field === field);
const added = (parts: { value: string; added?: boolean }[]) => parts.filter((p) => p.added).map((p) => p.value.trim());
const removed = (parts: { value: string; removed?: boolean }[]) => parts.filter((p) => p.removed).map((p) => p.value.trim());

describe('diffSnapshots', () => {
  it('reports nothing for identical snapshots, even with keys in another order', () => {
    const a = snapshot();
    const b = Object.fromEntries(Object.entries(snapshot()).reverse());
    expect(diffSnapshots(a, b, lookups)).toEqual([]);
  });

  it('diffs the title word by word, with its label', () => {
    const diffs = diffSnapshots(snapshot(), snapshot({ title: 'Night trams return to four routes' }), lookups);
    expect(diffs.map((d) => d.field)).toEqual(['title']);
    const title = diffs[0]!;
    expect(title.label).toBe('Title');
    if (title.kind !== 'words') throw new Error('expected words');
    expect(removed(title.parts)).toEqual(['buses']);
    expect(added(title.parts)).toEqual(['trams']);
    expect(title.parts.map((p) => (p.removed ? '' : p.value)).join('')).toBe('Night trams return to four routes');
  });

  it('covers every content field, in the editor order', () => {
    const b = snapshot({
      slug: 'night-trams',
      sectionId: 2,
      kind: 'analysis',
      kicker: 'Analysis',
      title: 'New title',
      dek: 'New dek',
      body: { type: 'doc', content: [para('Other words.')] },
      status: 'published',
      publishedAt: '2026-03-01T10:00:00.000Z',
      scheduledAt: '2026-03-01T09:00:00.000Z',
      heroMediaId: 8,
      heroCaption: 'The chamber',
      heroCredit: 'Oleh Marchenko/Reuters',
      videoUrl: 'https://youtu.be/abc',
      seoTitle: 'SEO',
      seoDescription: 'Described',
      socialMediaId: 8,
      bylineIds: [2],
      tagIds: [3],
    });
    const diffs = diffSnapshots(snapshot(), b, lookups, { timeZone: 'Europe/Kyiv' });
    expect(diffs.map((d) => d.field)).toEqual([
      'slug', 'sectionId', 'kind', 'kicker', 'title', 'dek', 'heroCaption', 'heroCredit', 'videoUrl', 'seoTitle',
      'seoDescription', 'body', 'status', 'publishedAt', 'scheduledAt', 'heroMediaId', 'socialMediaId', 'bylineIds', 'tagIds',
    ]);
    expect(byField(diffs, 'sectionId')).toMatchObject({ kind: 'value', label: 'Section', before: 'City', after: 'Politics' });
    expect(byField(diffs, 'heroMediaId')).toMatchObject({ before: 'Tram depot at dawn', after: 'Council chamber' });
    expect(byField(diffs, 'socialMediaId')).toMatchObject({ before: '(none)', after: 'Council chamber' });
    expect(byField(diffs, 'status')).toMatchObject({ before: 'Draft', after: 'Published' });
    expect(byField(diffs, 'publishedAt')).toMatchObject({ before: '(none)', after: 'March 1, 2026, 12:00 EET' });
    expect(byField(diffs, 'slug')).toMatchObject({ before: 'night-buses', after: 'night-trams' });
    const credit = byField(diffs, 'heroCredit');
    if (credit?.kind !== 'words') throw new Error('expected words');
    expect(added(credit.parts).join(' ')).toContain('Reuters');
    expect(removed(credit.parts).join(' ')).toContain('Gazette');
  });

  it('shows an id that no longer resolves as deleted rather than hiding it', () => {
    const diffs = diffSnapshots(snapshot(), snapshot({ sectionId: 9, tagIds: [1, 2, 42] }), lookups);
    expect(byField(diffs, 'sectionId')).toMatchObject({ after: '#9 (deleted)' });
    expect(byField(diffs, 'tagIds')).toMatchObject({ items: expect.arrayContaining([{ name: '#42 (deleted)', change: 'added' }]) });
  });

  it('treats a null and an empty text as no change', () => {
    expect(diffSnapshots(snapshot({ seoTitle: null }), snapshot({ seoTitle: '' }), lookups)).toEqual([]);
  });

  it('diffs corrections as readable notes with their kind', () => {
    const before = snapshot({ corrections: [{ at: '2026-03-01T10:00:00.000Z', text: 'The route number was wrong.' }] });
    const after = snapshot({
      corrections: [
        { at: '2026-03-01T10:00:00.000Z', text: 'The route number was wrong.' },
        { at: '2026-03-02T08:30:00.000Z', kind: 'update', text: 'The council approved the plan.' },
      ],
    });
    const diffs = diffSnapshots(before, after, lookups, { timeZone: 'UTC' });
    expect(diffs).toEqual([
      {
        field: 'corrections',
        label: fieldLabel('corrections'),
        kind: 'lines',
        lines: [
          { type: 'same', text: 'Correction (March 1, 2026, 10:00 UTC): The route number was wrong.' },
          { type: 'added', text: 'Update (March 2, 2026, 08:30 UTC): The council approved the plan.' },
        ],
      },
    ]);
  });

  it('shows the review fields and the public Updated time readably', () => {
    const before = snapshot({ assigneeId: null, reviewDeadline: null, internalNotes: 'Check the figures.', updatedAt: '2026-03-01T10:00:00.000Z' });
    const after = snapshot({
      assigneeId: 4,
      reviewDeadline: '2026-03-02T15:00:00.000Z',
      internalNotes: 'Check the figures twice.',
      updatedAt: '2026-03-01T11:30:00.000Z',
    });
    const diffs = diffSnapshots(before, after, lookups, { timeZone: 'UTC' });
    expect(byField(diffs, 'assigneeId')).toMatchObject({ kind: 'value', before: '(none)', after: 'Olena Editor' });
    expect(byField(diffs, 'reviewDeadline')).toMatchObject({ kind: 'value', after: 'March 2, 2026, 15:00 UTC' });
    expect(byField(diffs, 'updatedAt')).toMatchObject({ kind: 'value', before: 'March 1, 2026, 10:00 UTC', after: 'March 1, 2026, 11:30 UTC' });
    const notes = byField(diffs, 'internalNotes');
    expect(notes?.kind === 'words' && added(notes.parts)).toEqual(['twice']);
    expect(diffs.map((d) => d.label)).toEqual(expect.arrayContaining(['Assigned to', 'Review deadline', 'Updated', 'Internal notes']));
  });

  it('shows a field it does not know as a JSON diff labelled with its key', () => {
    const diffs = diffSnapshots(snapshot({ liveBlog: { pinned: 1 } }), snapshot({ liveBlog: { pinned: 2 } }), lookups);
    expect(diffs).toHaveLength(1);
    expect(diffs[0]).toMatchObject({ field: 'liveBlog', label: 'liveBlog', kind: 'lines' });
    const lines = diffs[0]!.kind === 'lines' ? diffs[0]!.lines : [];
    expect(lines).toContainEqual({ type: 'changed', parts: expect.arrayContaining([{ value: '2', added: true }]) });
  });

  it('notices a field present in only one snapshot', () => {
    const diffs = diffSnapshots({ ...snapshot(), extra: 'x' }, snapshot(), lookups);
    expect(diffs.map((d) => d.field)).toEqual(['extra']);
  });

  it('survives snapshots that are not objects', () => {
    expect(diffSnapshots(null, 'nonsense', lookups)).toEqual([]);
    expect(diffSnapshots({}, { title: 'Hello' }, lookups)).toMatchObject([{ field: 'title', kind: 'words' }]);
  });
});

describe('body diff', () => {
  it('marks the edited words of an edited paragraph, keeps the others', () => {
    const b = snapshot({ body: { type: 'doc', content: [para('Trams and buses will run much later.'), para('The city pays for it.')] } });
    const body = byField(diffSnapshots(snapshot(), b, lookups), 'body');
    if (body?.kind !== 'lines') throw new Error('expected lines');
    expect(body.label).toBe('Body');
    expect(body.lines[0]).toMatchObject({ type: 'changed' });
    expect(body.lines[0]!.type === 'changed' && added(body.lines[0]!.parts)).toEqual(['much']);
    expect(body.lines[1]).toEqual({ type: 'same', text: 'The city pays for it.' });
  });

  it('shows added and removed paragraphs whole', () => {
    const lines = diffLineLists(['One.', 'Two.', 'Three.'], ['One.', 'Three.', 'Four.']);
    expect(lines).toEqual([
      { type: 'same', text: 'One.' },
      { type: 'removed', text: 'Two.' },
      { type: 'same', text: 'Three.' },
      { type: 'added', text: 'Four.' },
    ]);
  });

  it('pairs a replaced run line by line and keeps the surplus as added', () => {
    const lines = diffLineLists(['A b c.'], ['A b d.', 'New line.']);
    expect(lines[0]).toMatchObject({ type: 'changed' });
    expect(lines[1]).toEqual({ type: 'added', text: 'New line.' });
  });

  it('renders every node type as a readable line', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'What changes' }] },
        { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Routes' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'See ' },
            { type: 'text', text: 'the map', marks: [{ type: 'link', attrs: { href: 'https://example.org' } }] },
            { type: 'hardBreak' },
            { type: 'text', text: 'and more.' },
          ],
        },
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [para('Route 5')] },
            {
              type: 'listItem',
              content: [para('Route 7'), { type: 'orderedList', content: [{ type: 'listItem', content: [para('Stop A')] }] }],
            },
          ],
        },
        { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [para('Third')] }] },
        { type: 'blockquote', content: [para('We waited years.'), para('Finally.')] },
        { type: 'pullQuote', attrs: { attribution: 'A driver' }, content: [{ type: 'text', text: 'Night is ours' }] },
        { type: 'horizontalRule' },
        { type: 'image', attrs: { mediaId: 7, alt: 'Depot', caption: 'At dawn', credit: 'Anna Lys' } },
        { type: 'image', attrs: { mediaId: 8 } },
        { type: 'video', attrs: { provider: 'youtube', videoId: 'abc123', title: 'The first night' } },
        { type: 'video', attrs: { provider: 'vimeo', videoId: '42' } },
        { type: 'mystery', content: [{ type: 'text', text: 'Unknown but readable' }] },
        { type: 'widget' },
        { type: 'paragraph' },
      ],
    };
    expect(bodyToDiffText(doc, lookups)).toEqual([
      '## What changes',
      '### Routes',
      'See the map / and more.',
      '• Route 5',
      '• Route 7',
      '  1. Stop A',
      '3. Third',
      '> We waited years.',
      '> Finally.',
      'Pull quote: “Night is ours” — A driver',
      '———',
      '[Image: Depot — At dawn (Anna Lys)]',
      '[Image: Council chamber]',
      '[Video: YouTube abc123 — The first night]',
      '[Video: Vimeo 42]',
      'Unknown but readable',
      '[widget]',
    ]);
  });

  it('shows a changed image credit inside the body', () => {
    const img = (credit: string) => ({ type: 'doc', content: [{ type: 'image', attrs: { mediaId: 7, alt: 'Depot', credit } }] });
    const body = byField(diffSnapshots(snapshot({ body: img('Anna Lys') }), snapshot({ body: img('Reuters') }), lookups), 'body');
    if (body?.kind !== 'lines' || body.lines[0]?.type !== 'changed') throw new Error('expected a changed line');
    expect(added(body.lines[0].parts).join('')).toContain('Reuters');
  });

  it('returns no lines for a missing or malformed body', () => {
    expect(bodyToDiffText(undefined)).toEqual([]);
    expect(bodyToDiffText({ type: 'doc', content: 'x' })).toEqual([]);
    expect(bodyToDiffText({ type: 'doc', content: [null, 3, { type: 'paragraph', content: [null] }] })).toEqual([]);
  });
});

describe('collapseUnchanged', () => {
  it('keeps context around changes and folds long unchanged runs', () => {
    const lines = diffLineLists(['1', '2', '3', '4', '5', '6', '7'], ['1', '2', '3', 'x', '5', '6', '7']);
    expect(collapseUnchanged(lines, 1)).toEqual([
      { type: 'skipped', count: 2 },
      { type: 'same', text: '3' },
      { type: 'changed', parts: [{ value: '4', removed: true }, { value: 'x', added: true }] },
      { type: 'same', text: '5' },
      { type: 'skipped', count: 2 },
    ]);
  });

  it('folds everything when nothing changed', () => {
    expect(collapseUnchanged(diffLineLists(['a', 'b'], ['a', 'b']))).toEqual([{ type: 'skipped', count: 2 }]);
  });
});

describe('diffIdList', () => {
  it('names added, removed, kept and reordered items in the new order', () => {
    const result = diffIdList([1, 2, 3], [3, 1, 4], { 1: 'Transit', 2: 'Budget', 3: 'Night life', 4: 'Weather' });
    expect(result.before).toEqual(['Transit', 'Budget', 'Night life']);
    expect(result.after).toEqual(['Night life', 'Transit', 'Weather']);
    expect(result.items).toEqual(
      expect.arrayContaining([
        { name: 'Budget', change: 'removed' },
        { name: 'Weather', change: 'added' },
      ]),
    );
    const changes = Object.fromEntries(result.items.map((i) => [i.name, i.change]));
    expect([changes['Night life'], changes['Transit']].sort()).toEqual(['kept', 'moved']);
    expect(result.items.filter((i) => i.change !== 'removed').map((i) => i.name)).toEqual(['Night life', 'Transit', 'Weather']);
  });

  it('reports a pure reorder of bylines as a move', () => {
    const diffs = diffSnapshots(snapshot({ bylineIds: [1, 2] }), snapshot({ bylineIds: [2, 1] }), lookups);
    expect(diffs).toHaveLength(1);
    expect(diffs[0]).toMatchObject({ field: 'bylineIds', label: 'Bylines', kind: 'list' });
    expect(diffs[0]!.kind === 'list' && diffs[0]!.items.some((i) => i.change === 'moved')).toBe(true);
  });
});

describe('diffText and labels', () => {
  it('returns the text unchanged when equal, nothing when both empty', () => {
    expect(diffText('same', 'same')).toEqual([{ value: 'same' }]);
    expect(diffText('', '')).toEqual([]);
  });

  it('labels known, corrections and unknown fields', () => {
    expect(fieldLabel('heroCredit')).toBe('Hero credit');
    expect(fieldLabel('corrections')).toMatch(/^Corrections/);
    expect(fieldLabel('somethingNew')).toBe('somethingNew');
  });
});

describe('bodyToDiffText with embeds', () => {
  it('gives each embed a line a reviewer can read', () => {
    const lines = bodyToDiffText({
      type: 'doc',
      content: [
        { type: 'socialPost', attrs: { provider: 'x', url: 'https://x.com/a/status/1', authorName: 'A', text: 'Hello\nthere' } },
        { type: 'gallery', attrs: { items: [{ mediaId: 1, caption: 'One' }, { mediaId: 2 }] } },
        { type: 'table', attrs: { caption: 'T', rows: [['a', 'b']] } },
        { type: 'document', attrs: { url: 'https://example.com/a.pdf', title: 'Plan' } },
        { type: 'audio', attrs: { src: 'https://example.com/a.mp3', title: 'Pod' } },
      ],
    });
    expect(lines).toEqual([
      '[Post: https://x.com/a/status/1 — A] Hello there',
      '[Gallery: 2 images]',
      '  [Image #1 — One]',
      '  [Image #2]',
      '[Table: T]',
      '| a | b |',
      '[Document: Plan — https://example.com/a.pdf]',
      '[Audio: Pod — https://example.com/a.mp3]',
    ]);
  });
});
