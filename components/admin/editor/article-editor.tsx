'use client';

import type { JSONContent } from '@tiptap/react';
import { useEffect, useMemo, useState } from 'react';
import { MediaPicker, type PickedMedia } from '@/components/admin/media-picker';
import { PreviewLinks } from '@/components/admin/preview-links';
import type { EditorArticle, EditorOptions } from '@/db/queries/editor';
import { ARTICLE_KINDS } from '@/lib/domain';
import {
  draftFromArticle,
  emptyDraft,
  localCopyKey,
  parseLocalCopy,
  sameDraft,
  withTitle,
  wordStats,
  type EditorDraft,
  type LocalCopy,
  type MediaRef,
} from '@/lib/editor/draft';
import { ArticleNotes } from './article-notes';
import { BylinePicker } from './byline-picker';
import { ConflictPanel } from './conflict-panel';
import { DeleteArticle } from './delete-article';
import { RichText } from './rich-text';
import { SaveStatus } from './save-status';
import { TagPicker } from './tag-picker';
import { useArticleSync } from './use-article-sync';
import { usePresence } from './use-presence';
import { useWorkflow } from './use-workflow';
import { WorkflowPanel } from './workflow-panel';

const KIND_LABEL: Record<(typeof ARTICLE_KINDS)[number], string> = {
  news: 'News',
  feature: 'Feature',
  analysis: 'Analysis',
  opinion: 'Opinion',
  feed: 'News Feed item',
};

const input =
  'block w-full rounded-md border border-rule bg-paper px-3 py-2 text-sm text-ink focus:border-ink focus:outline-none focus-visible:outline-2 focus-visible:outline-accent';

interface Props {
  article: EditorArticle | null;
  options: EditorOptions;
  timeZone: string;
  permissions: { canPublish: boolean; canCreateTags: boolean; canEdit: boolean; canDelete: boolean };
  defaultBylines: { id: number; name: string }[];
  children?: React.ReactNode;
}

export function ArticleEditor({ article, options, timeZone, permissions, defaultBylines, children }: Props) {
  const initial = useMemo(
    () => (article ? draftFromArticle(article) : emptyDraft(options.sections[0]?.id ?? 0, defaultBylines)),
    [article, options.sections, defaultBylines],
  );
  const { sync, snapshot: snap } = useArticleSync({
    articleId: article?.id ?? null,
    version: article?.version ?? null,
    initial,
    published: article?.status === 'published',
  });
  const { draft } = snap;
  const workflow = useWorkflow(sync, article);
  const [localCopy, setLocalCopy] = useState<LocalCopy | null>(null);
  const others = usePresence(snap.articleId);
  const [picker, setPicker] = useState<'hero' | 'social' | null>(null);
  const [substantive, setSubstantive] = useState(false);
  const [editorKey, setEditorKey] = useState(0);

  const live = workflow.status === 'published';
  const fieldErrors = snap.status.kind === 'error' ? snap.status.errors : {};
  const stats = wordStats(draft.body);
  const sectionName = (id: number) => options.sections.find((s) => s.id === id)?.name ?? `Section #${id}`;

  // What this browser kept from an earlier session that the server never got.
  useEffect(() => {
    const copy = parseLocalCopy(localStorage.getItem(localCopyKey(article?.id ?? null)));
    if (copy && !sameDraft(copy.draft, initial)) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage exists only after hydration
      setLocalCopy(copy);
    }
  }, [article?.id, initial]);

  const update = (change: (d: EditorDraft) => EditorDraft) => sync.update(change);
  const set = <K extends keyof EditorDraft>(key: K, value: EditorDraft[K]) => update((d) => ({ ...d, [key]: value }));

  function pickMedia(m: PickedMedia) {
    const ref: MediaRef = { id: m.id, url: m.url, alt: m.alt };
    if (picker === 'hero') {
      update((d) => ({ ...d, hero: ref, heroCaption: d.heroCaption || m.caption, heroCredit: d.heroCredit || m.credit }));
    } else if (picker === 'social') set('social', ref);
    setPicker(null);
  }

  const theirs =
    snap.status.kind === 'conflict' && snap.status.theirs
      ? { article: snap.status.theirs, draft: draftFromArticle(snap.status.theirs) }
      : null;
  const readOnly = !permissions.canEdit;

  return (
    <div className="space-y-4">
      <div className="sticky top-0 z-20 -mx-4 flex flex-wrap items-center justify-between gap-3 border-b border-rule bg-panel/95 px-4 py-2 backdrop-blur">
        <SaveStatus status={snap.status} isNew={snap.articleId === null} />
        <div className="flex flex-wrap items-center gap-2">
          {snap.articleId !== null ? (
            <a href={`/admin/articles/${snap.articleId}/revisions`} className="rounded-md px-3 py-2 text-sm font-semibold hover:bg-paper">
              Revisions
            </a>
          ) : null}
          {children}
          <button
            type="button"
            disabled={readOnly || snap.status.kind === 'conflict' || (snap.articleId === null && !draft.title.trim())}
            onClick={() => {
              sync.setSubstantive(substantive);
              void sync.save().then((ok) => ok && setSubstantive(false));
            }}
            className="rounded-md bg-ink px-4 py-2 text-sm font-semibold text-paper disabled:opacity-50"
          >
            {live ? 'Update' : 'Save'}
          </button>
        </div>
      </div>

      {others.length > 0 ? (
        <p data-testid="presence" className="rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          Also open by {others.map((o) => o.name).join(', ')}. If you both save, the second save will be asked to compare first.
        </p>
      ) : null}

      {localCopy ? (
        <div data-testid="local-restore" className="flex flex-wrap items-center gap-3 rounded-md border border-ink bg-paper px-3 py-2 text-sm">
          <p className="flex-1">
            This browser kept changes you had not saved ({new Date(localCopy.at).toLocaleString()}). Restore them?
          </p>
          <button
            type="button"
            className="rounded-md bg-ink px-3 py-1.5 font-semibold text-paper"
            onClick={() => {
              sync.restore(localCopy);
              setLocalCopy(null);
              setEditorKey((k) => k + 1);
            }}
          >
            Restore my changes
          </button>
          <button
            type="button"
            className="rounded-md border border-rule px-3 py-1.5 font-semibold"
            onClick={() => {
              localStorage.removeItem(localCopyKey(article?.id ?? null));
              setLocalCopy(null);
            }}
          >
            Discard them
          </button>
        </div>
      ) : null}

      {snap.status.kind === 'conflict' ? (
        <ConflictPanel
          savedBy={snap.status.savedBy}
          theirs={theirs}
          mine={draft}
          sectionName={sectionName}
          onKeepMine={() => theirs && void sync.resolveConflict('mine', { version: theirs.article.version, draft: theirs.draft })}
          onTakeTheirs={() => {
            if (!theirs) return;
            void sync.resolveConflict('theirs', { version: theirs.article.version, draft: theirs.draft });
            setEditorKey((k) => k + 1);
          }}
        />
      ) : null}

      {readOnly ? (
        <p className="rounded-md border border-rule bg-paper px-3 py-2 text-sm">
          This article is live. Only someone who may publish it can change it; you can still read it here.
        </p>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <fieldset disabled={readOnly} className="min-w-0 space-y-4">
          <legend className="sr-only">Story</legend>
          <div>
            <label htmlFor="article-title" className="sr-only">
              Headline
            </label>
            <textarea
              id="article-title"
              rows={1}
              value={draft.title}
              placeholder="Headline"
              aria-invalid={fieldErrors.title ? true : undefined}
              onChange={(e) => update((d) => withTitle(d, e.target.value.replace(/\n/g, ' ')))}
              className="field-sizing-content block w-full resize-none border-0 bg-transparent font-serif text-3xl leading-tight font-bold focus:outline-none sm:text-4xl"
            />
            {fieldErrors.title ? <p className="text-sm font-medium text-accent">{fieldErrors.title}</p> : null}
          </div>
          <div>
            <label htmlFor="article-dek" className="sr-only">
              Dek (standfirst)
            </label>
            <textarea
              id="article-dek"
              rows={1}
              value={draft.dek}
              placeholder="Dek: one or two sentences under the headline"
              onChange={(e) => set('dek', e.target.value)}
              className="field-sizing-content block w-full resize-none border-0 bg-transparent text-lg text-muted focus:outline-none"
            />
            {fieldErrors.dek ? <p className="text-sm font-medium text-accent">{fieldErrors.dek}</p> : null}
          </div>
          <RichText key={editorKey} initialContent={draft.body as JSONContent} onChange={(doc) => set('body', doc)} />
          <p className="text-sm text-muted" data-testid="word-count" aria-live="off">
            {stats.words.toLocaleString('en')} {stats.words === 1 ? 'word' : 'words'} · {stats.minutes} min read
          </p>
          {fieldErrors.body ? <p className="text-sm font-medium text-accent">{fieldErrors.body}</p> : null}
        </fieldset>

        <aside className="space-y-4" aria-label="Article settings">
          {snap.articleId !== null ? (
            <WorkflowPanel
              status={workflow.status}
              scheduledAt={workflow.scheduledAt}
              publishedAt={workflow.publishedAt}
              canPublish={permissions.canPublish}
              disabled={snap.status.kind === 'conflict'}
              busy={workflow.busy}
              timeZone={timeZone}
              staff={options.staff}
              review={{ assigneeId: article?.assigneeId ?? null, deadline: article?.reviewDeadline ?? null, notes: article?.internalNotes ?? '' }}
              onMove={(m) => void workflow.move(m)}
              error={workflow.error}
            />
          ) : (
            <p className="rounded-lg border border-rule bg-paper p-4 text-sm text-muted">
              Give the story a headline: it is saved as a draft, and the workflow appears here.
            </p>
          )}

          {snap.articleId !== null && !live ? (
            <section aria-labelledby="preview-title" className="space-y-2 rounded-lg border border-rule bg-paper p-4">
              <h2 id="preview-title" className="text-sm font-bold tracking-widest text-muted uppercase">
                Preview
              </h2>
              <p className="text-xs text-muted">Exactly as readers will see it; a share link works for 24 hours without signing in.</p>
              <PreviewLinks articleId={snap.articleId} timeZone={timeZone} />
            </section>
          ) : null}

          {live ? (
            <label className="flex items-start gap-2 rounded-lg border border-rule bg-paper p-4 text-sm">
              <input type="checkbox" checked={substantive} onChange={(e) => setSubstantive(e.target.checked)} className="mt-1" />
              <span>
                <span className="font-semibold">Substantive update</span> — moves the public &ldquo;Updated&rdquo; time. Leave unticked for a typo fix.
              </span>
            </label>
          ) : null}

          <fieldset disabled={readOnly} className="space-y-4 rounded-lg border border-rule bg-paper p-4">
            <legend className="px-1 text-sm font-bold tracking-widest text-muted uppercase">Placement</legend>
            <div className="space-y-1">
              <label htmlFor="article-section" className="block text-sm font-semibold">
                Section
              </label>
              <select id="article-section" value={draft.sectionId} onChange={(e) => set('sectionId', Number(e.target.value))} className={input}>
                {options.sections.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
              {fieldErrors.sectionId ? <p className="text-sm font-medium text-accent">{fieldErrors.sectionId}</p> : null}
            </div>
            <div className="space-y-1">
              <label htmlFor="article-kind" className="block text-sm font-semibold">
                Kind
              </label>
              <select id="article-kind" value={draft.kind} onChange={(e) => set('kind', e.target.value as EditorDraft['kind'])} className={input}>
                {ARTICLE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {KIND_LABEL[k]}
                  </option>
                ))}
              </select>
            </div>
            <div className="space-y-1">
              <label htmlFor="article-slug" className="block text-sm font-semibold">
                Slug
              </label>
              <input
                id="article-slug"
                value={draft.slug}
                aria-invalid={fieldErrors.slug ? true : undefined}
                aria-describedby="article-slug-hint"
                onChange={(e) => update((d) => ({ ...d, slug: e.target.value, slugTouched: true }))}
                className={input}
              />
              <p id="article-slug-hint" className="text-xs break-all text-muted">
                /{options.sections.find((s) => s.id === draft.sectionId)?.slug ?? '…'}/{draft.slug || '…'}
                {workflow.publishedAt ? ' — changing it leaves a redirect from the old address' : ''}
              </p>
              {fieldErrors.slug ? <p className="text-sm font-medium text-accent">{fieldErrors.slug}</p> : null}
            </div>
          </fieldset>

          <fieldset disabled={readOnly} className="space-y-4 rounded-lg border border-rule bg-paper p-4">
            <legend className="px-1 text-sm font-bold tracking-widest text-muted uppercase">People and topics</legend>
            <BylinePicker value={draft.bylines} options={options.bylines} onChange={(v) => set('bylines', v)} error={fieldErrors.bylineIds} />
            <TagPicker value={draft.tags} onChange={(v) => set('tags', v)} canCreate={permissions.canCreateTags} error={fieldErrors.tagIds} />
          </fieldset>

          <fieldset disabled={readOnly} className="space-y-3 rounded-lg border border-rule bg-paper p-4">
            <legend className="px-1 text-sm font-bold tracking-widest text-muted uppercase">Hero image</legend>
            <MediaSlot
              value={draft.hero}
              label="hero image"
              error={fieldErrors.heroMediaId}
              onPick={() => setPicker('hero')}
              onClear={() => set('hero', null)}
            />
            <div className="space-y-1">
              <label htmlFor="hero-caption" className="block text-sm font-semibold">
                Caption
              </label>
              <textarea id="hero-caption" rows={2} value={draft.heroCaption} onChange={(e) => set('heroCaption', e.target.value)} className={input} />
            </div>
            <div className="space-y-1">
              <label htmlFor="hero-credit" className="block text-sm font-semibold">
                Credit
              </label>
              <input id="hero-credit" value={draft.heroCredit} placeholder="Photographer/Agency" onChange={(e) => set('heroCredit', e.target.value)} className={input} />
            </div>
            <div className="space-y-1">
              <label htmlFor="video-url" className="block text-sm font-semibold">
                Lead video (YouTube or Vimeo)
              </label>
              <input id="video-url" value={draft.videoUrl} inputMode="url" onChange={(e) => set('videoUrl', e.target.value)} className={input} />
              {fieldErrors.videoUrl ? <p className="text-sm font-medium text-accent">{fieldErrors.videoUrl}</p> : null}
            </div>
          </fieldset>

          <fieldset disabled={readOnly} className="space-y-3 rounded-lg border border-rule bg-paper p-4">
            <legend className="px-1 text-sm font-bold tracking-widest text-muted uppercase">Search and social</legend>
            <div className="space-y-1">
              <label htmlFor="seo-title" className="block text-sm font-semibold">
                SEO title <span className="font-normal text-muted">({draft.seoTitle.length}/120, optional)</span>
              </label>
              <input id="seo-title" value={draft.seoTitle} placeholder={draft.title} onChange={(e) => set('seoTitle', e.target.value)} className={input} />
              {fieldErrors.seoTitle ? <p className="text-sm font-medium text-accent">{fieldErrors.seoTitle}</p> : null}
            </div>
            <div className="space-y-1">
              <label htmlFor="seo-description" className="block text-sm font-semibold">
                SEO description <span className="font-normal text-muted">({draft.seoDescription.length}/300, optional)</span>
              </label>
              <textarea id="seo-description" rows={3} value={draft.seoDescription} placeholder={draft.dek} onChange={(e) => set('seoDescription', e.target.value)} className={input} />
              {fieldErrors.seoDescription ? <p className="text-sm font-medium text-accent">{fieldErrors.seoDescription}</p> : null}
            </div>
            <p className="text-sm font-semibold">Social image</p>
            <MediaSlot
              value={draft.social}
              label="social image"
              error={fieldErrors.socialMediaId}
              onPick={() => setPicker('social')}
              onClear={() => set('social', null)}
            />
            <p className="text-xs text-muted">Without one, the hero image is shared.</p>
          </fieldset>

          <ArticleNotes initial={article?.corrections ?? []} live={live} canAdd={permissions.canPublish} sync={sync} onError={workflow.setError} />
          {snap.articleId !== null && permissions.canDelete ? <DeleteArticle articleId={snap.articleId} sync={sync} /> : null}
        </aside>
      </div>
      <MediaPicker open={picker !== null} onClose={() => setPicker(null)} onSelect={pickMedia} title={picker === 'social' ? 'Choose the social image' : 'Choose the hero image'} />
    </div>
  );
}

function MediaSlot({
  value,
  label,
  error,
  onPick,
  onClear,
}: {
  value: MediaRef | null;
  label: string;
  error?: string;
  onPick: () => void;
  onClear: () => void;
}) {
  return (
    <div className="space-y-2">
      {value ? (
        // eslint-disable-next-line @next/next/no-img-element -- a library preview in the newsroom
        <img src={value.url} alt={value.alt} className="aspect-video w-full rounded object-cover" />
      ) : (
        <div className="flex aspect-video items-center justify-center rounded border border-dashed border-rule text-sm text-muted">No {label}</div>
      )}
      <div className="flex gap-2">
        <button type="button" onClick={onPick} className="rounded-md border border-rule px-3 py-1.5 text-sm font-semibold hover:border-ink">
          {value ? 'Replace' : 'Choose'} {label}
        </button>
        {value ? (
          <button type="button" onClick={onClear} className="rounded-md px-3 py-1.5 text-sm font-semibold text-accent hover:underline">
            Remove
          </button>
        ) : null}
      </div>
      {error ? <p className="text-sm font-medium text-accent">{error}</p> : null}
    </div>
  );
}
