'use client';

import { useMemo, useState } from 'react';
import { MediaPicker, type PickedMedia } from '@/components/admin/media-picker';
import { PreviewLinks } from '@/components/admin/preview-links';
import type { EditorArticle, EditorOptions } from '@/db/queries/editor';
import { DRAFT_FIELD_LABELS, draftFromArticle, emptyDraft, type MediaRef } from '@/lib/articles/draft';
import { decideEditsArePending } from '@/lib/articles/pending';
import { ArticleNotes } from './article-notes';
import { ConflictPanel, SetAsideText } from './conflict-panel';
import { DeleteArticle } from './delete-article';
import { setField, type DraftChange } from './fields';
import { LocalCopyNotice } from './local-copy-notice';
import { PendingChanges } from './pending-changes';
import { SaveStatus } from './save-status';
import { HeroFields, PeopleFields, PlacementFields, RelatedFields, SearchFields } from './settings-fields';
import { StoryFields } from './story-fields';
import { useArticleSync } from './use-article-sync';
import { usePresence } from './use-presence';
import { useWorkflow } from './use-workflow';
import { WorkflowPanel } from './workflow-panel';

// The article editor's layout and wiring. Each job lives beside it: the draft's safety in
// use-article-sync.ts (article-sync.ts), who else is here in use-presence.ts, the workflow in
// use-workflow.ts, notes for readers in article-notes.tsx, deleting in delete-article.tsx, the
// browser's kept copy in local-copy-notice.tsx, a live article's pending changes in
// pending-changes.tsx, and the fields in story- and settings-fields.tsx.

interface Props {
  article: EditorArticle | null;
  options: EditorOptions;
  timeZone: string;
  permissions: { canPublish: boolean; canApprove: boolean; canCreateTags: boolean; canEdit: boolean; canDelete: boolean };
  defaultBylines: { id: number; name: string }[];
  // Shown only while the article is live (the "View live" link): unpublishing in the editor
  // takes it away at once, publishing brings it.
  children?: React.ReactNode;
}

export function ArticleEditor({ article, options, timeZone, permissions, defaultBylines, children }: Props) {
  // A live or scheduled article opens with its pending changes, whoever left them.
  const initial = useMemo(
    () =>
      article?.pending
        ? draftFromArticle({ ...article.pending.content, publishedAt: article.publishedAt })
        : article
          ? draftFromArticle(article)
          : emptyDraft(options.sections[0]?.id ?? 0, defaultBylines),
    [article, options.sections, defaultBylines],
  );
  const pendingMode = article ? decideEditsArePending(article.status) : false;
  const { sync, snapshot: snap } = useArticleSync({
    articleId: article?.id ?? null,
    version: article?.version ?? null,
    initial,
    pendingMode,
    pending: article?.pending
      ? { revision: article.pending.revision, info: { by: article.pending.savedBy, mine: false, at: article.pending.savedAt } }
      : null,
  });
  const workflow = useWorkflow(sync, article);
  const others = usePresence(snap.articleId);
  const [picker, setPicker] = useState<'hero' | 'social' | null>(null);
  const [substantive, setSubstantive] = useState(false);

  const { draft } = snap;
  const live = workflow.status === 'published';
  const readOnly = !permissions.canEdit;
  const update: DraftChange = (change) => sync.update(change);
  const fields = { draft, errors: snap.status.kind === 'error' ? snap.status.errors : {}, update, disabled: readOnly };
  const sectionName = (id: number) => options.sections.find((s) => s.id === id)?.name ?? `Section #${id}`;
  const hasPending = snap.pendingMode && sync.hasPending();

  function pickMedia(m: PickedMedia) {
    const ref: MediaRef = { id: m.id, url: m.url, alt: m.alt };
    if (picker === 'hero') {
      update((d) => ({ ...d, hero: ref, heroCaption: d.heroCaption || m.caption, heroCredit: d.heroCredit || m.credit }));
    } else if (picker === 'social') setField(update, 'social', ref);
    setPicker(null);
  }

  return (
    <div className="space-y-4">
      <div className="sticky top-0 z-20 -mx-4 flex flex-wrap items-center justify-between gap-3 border-b border-rule bg-panel/95 px-4 py-2 backdrop-blur">
        <SaveStatus status={snap.status} isNew={snap.articleId === null} pendingMode={snap.pendingMode} timeZone={timeZone} />
        <div className="flex flex-wrap items-center gap-2">
          {snap.articleId !== null ? (
            <a href={`/admin/articles/${snap.articleId}/revisions`} className="rounded-md px-3 py-2 text-sm font-semibold hover:bg-paper">
              Revisions
            </a>
          ) : null}
          {live ? children : null}
          <button
            type="button"
            disabled={
              readOnly || snap.status.kind === 'conflict' || (snap.articleId === null && !draft.title.trim()) || (snap.pendingMode && !hasPending)
            }
            onClick={() => {
              sync.setSubstantive(substantive);
              void (snap.pendingMode ? sync.publish() : sync.save()).then((ok) => ok && setSubstantive(false));
            }}
            className="rounded-md bg-ink px-4 py-2 text-sm font-semibold text-paper disabled:opacity-50"
          >
            {snap.pendingMode ? 'Update' : 'Save'}
          </button>
        </div>
      </div>

      {others.length > 0 ? (
        <p data-testid="presence" className="rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          Also open by {others.map((o) => o.name).join(', ')}. If you both save, the second save will be asked to compare first.
        </p>
      ) : null}

      <LocalCopyNotice articleId={article?.id ?? null} initial={initial} sync={sync} />

      {hasPending ? <PendingChanges info={snap.pendingInfo} sync={sync} disabled={readOnly || snap.status.kind === 'saving'} timeZone={timeZone} /> : null}

      {snap.merged ? (
        <p data-testid="merged-notice" role="status" className="rounded-md border border-rule bg-paper px-3 py-2 text-sm">
          Combined with {snap.merged.by ?? 'someone else'}&rsquo;s changes to {snap.merged.fields.map((f) => DRAFT_FIELD_LABELS[f]).join(', ')}: they
          changed only what you had not.
        </p>
      ) : null}

      {snap.setAside && snap.status.kind !== 'conflict' ? (
        <SetAsideText {...snap.setAside} sectionName={sectionName} onDismiss={() => sync.dismissSetAside()} />
      ) : null}

      {snap.status.kind === 'conflict' ? (
        <ConflictPanel
          savedBy={snap.status.savedBy}
          theirs={snap.status.remote?.draft ?? null}
          mine={draft}
          conflicts={snap.status.conflicts}
          sectionName={sectionName}
          onKeepMine={() => void sync.resolveConflict('mine')}
          onTakeTheirs={() => void sync.resolveConflict('theirs')}
          onCombine={sync.combinedBody() !== null ? () => void sync.resolveConflict('both') : null}
        />
      ) : null}

      {readOnly ? (
        <p className="rounded-md border border-rule bg-paper px-3 py-2 text-sm">
          This article is live. Only someone who may publish it can change it; you can still read it here.
        </p>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <StoryFields {...fields} bodyKey={snap.epoch} />

        <aside className="space-y-4" aria-label="Article settings">
          {snap.articleId !== null ? (
            <WorkflowPanel
              status={workflow.status}
              scheduledAt={workflow.scheduledAt}
              publishedAt={workflow.publishedAt}
              canPublish={permissions.canPublish}
              canApprove={permissions.canApprove}
              reopened={workflow.reopened}
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

          <PlacementFields {...fields} sections={options.sections} everPublished={Boolean(workflow.publishedAt)} />
          <PeopleFields {...fields} bylines={options.bylines} canCreateTags={permissions.canCreateTags} />
          <RelatedFields {...fields} articleId={snap.articleId} />
          <HeroFields {...fields} onPick={() => setPicker('hero')} />
          <SearchFields {...fields} onPick={() => setPicker('social')} />
          <ArticleNotes initial={article?.corrections ?? []} live={live} canAdd={permissions.canPublish} sync={sync} onError={workflow.setError} />
          {snap.articleId !== null && permissions.canDelete ? <DeleteArticle articleId={snap.articleId} sync={sync} /> : null}
        </aside>
      </div>
      <MediaPicker open={picker !== null} onClose={() => setPicker(null)} onSelect={pickMedia} title={picker === 'social' ? 'Choose the social image' : 'Choose the hero image'} />
    </div>
  );
}
