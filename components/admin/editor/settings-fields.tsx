'use client';

import type { EditorOptions } from '@/db/queries/editor';
import { ARTICLE_KINDS } from '@/lib/domain';
import type { EditorDraft, MediaRef } from '@/lib/articles/draft';
import { BylinePicker } from './byline-picker';
import { FieldError, inputClass, setField, type DraftFieldsProps } from './fields';
import { RelatedPicker } from './related-picker';
import { TagPicker } from './tag-picker';

// The article's settings beside the story, one fieldset each: where it goes, who wrote it and
// what it is about, its images and video, and how search engines and social cards present it.

const KIND_LABEL: Record<(typeof ARTICLE_KINDS)[number], string> = {
  news: 'News',
  feature: 'Feature',
  analysis: 'Analysis',
  opinion: 'Opinion',
  feed: 'News Feed item',
};

const fieldsetClass = 'rounded-lg border border-rule bg-paper p-4';
const legendClass = 'px-1 text-sm font-bold tracking-widest text-muted uppercase';

export function PlacementFields({
  draft,
  errors,
  update,
  disabled,
  sections,
  everPublished,
}: DraftFieldsProps & { sections: EditorOptions['sections']; everPublished: boolean }) {
  return (
    <fieldset disabled={disabled} className={`space-y-4 ${fieldsetClass}`}>
      <legend className={legendClass}>Placement</legend>
      <div className="space-y-1">
        <label htmlFor="article-section" className="block text-sm font-semibold">
          Section
        </label>
        <select id="article-section" value={draft.sectionId} onChange={(e) => setField(update, 'sectionId', Number(e.target.value))} className={inputClass}>
          {sections.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <FieldError message={errors.sectionId} />
      </div>
      <div className="space-y-1">
        <label htmlFor="article-kind" className="block text-sm font-semibold">
          Kind
        </label>
        <select id="article-kind" value={draft.kind} onChange={(e) => setField(update, 'kind', e.target.value as EditorDraft['kind'])} className={inputClass}>
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
          aria-invalid={errors.slug ? true : undefined}
          aria-describedby="article-slug-hint"
          onChange={(e) => update((d) => ({ ...d, slug: e.target.value, slugTouched: true }))}
          className={inputClass}
        />
        <p id="article-slug-hint" className="text-xs break-all text-muted">
          /{sections.find((s) => s.id === draft.sectionId)?.slug ?? '…'}/{draft.slug || '…'}
          {everPublished ? ' — changing it leaves a redirect from the old address' : ''}
        </p>
        <FieldError message={errors.slug} />
      </div>
    </fieldset>
  );
}

export function PeopleFields({
  draft,
  errors,
  update,
  disabled,
  bylines,
  canCreateTags,
}: DraftFieldsProps & { bylines: EditorOptions['bylines']; canCreateTags: boolean }) {
  return (
    <fieldset disabled={disabled} className={`space-y-4 ${fieldsetClass}`}>
      <legend className={legendClass}>People and topics</legend>
      <BylinePicker value={draft.bylines} options={bylines} onChange={(v) => setField(update, 'bylines', v)} error={errors.bylineIds} />
      <TagPicker value={draft.tags} onChange={(v) => setField(update, 'tags', v)} canCreate={canCreateTags} error={errors.tagIds} />
    </fieldset>
  );
}

export function RelatedFields({ draft, errors, update, disabled, articleId }: DraftFieldsProps & { articleId: number | null }) {
  return (
    // min-w-0: a fieldset is as wide as its widest line by default, and a chosen story's headline
    // is one line (truncated) in the list.
    <fieldset disabled={disabled} className={`min-w-0 space-y-3 ${fieldsetClass}`}>
      <legend className={legendClass}>Related stories</legend>
      <RelatedPicker value={draft.related} onChange={(v) => setField(update, 'related', v)} articleId={articleId} error={errors.relatedIds} />
    </fieldset>
  );
}

export function HeroFields({ draft, errors, update, disabled, onPick }: DraftFieldsProps & { onPick: () => void }) {
  return (
    <fieldset disabled={disabled} className={`space-y-3 ${fieldsetClass}`}>
      <legend className={legendClass}>Hero image</legend>
      <MediaSlot value={draft.hero} label="hero image" error={errors.heroMediaId} onPick={onPick} onClear={() => setField(update, 'hero', null)} />
      <div className="space-y-1">
        <label htmlFor="hero-caption" className="block text-sm font-semibold">
          Caption
        </label>
        <textarea id="hero-caption" rows={2} value={draft.heroCaption} onChange={(e) => setField(update, 'heroCaption', e.target.value)} className={inputClass} />
      </div>
      <div className="space-y-1">
        <label htmlFor="hero-credit" className="block text-sm font-semibold">
          Credit
        </label>
        <input id="hero-credit" value={draft.heroCredit} placeholder="Photographer/Agency" onChange={(e) => setField(update, 'heroCredit', e.target.value)} className={inputClass} />
      </div>
      <div className="space-y-1">
        <label htmlFor="video-url" className="block text-sm font-semibold">
          Lead video (YouTube or Vimeo)
        </label>
        <input id="video-url" value={draft.videoUrl} inputMode="url" onChange={(e) => setField(update, 'videoUrl', e.target.value)} className={inputClass} />
        <FieldError message={errors.videoUrl} />
      </div>
    </fieldset>
  );
}

export function SearchFields({ draft, errors, update, disabled, onPick }: DraftFieldsProps & { onPick: () => void }) {
  return (
    <fieldset disabled={disabled} className={`space-y-3 ${fieldsetClass}`}>
      <legend className={legendClass}>Search and social</legend>
      <div className="space-y-1">
        <label htmlFor="seo-title" className="block text-sm font-semibold">
          SEO title <span className="font-normal text-muted">({draft.seoTitle.length}/120, optional)</span>
        </label>
        <input id="seo-title" value={draft.seoTitle} placeholder={draft.title} onChange={(e) => setField(update, 'seoTitle', e.target.value)} className={inputClass} />
        <FieldError message={errors.seoTitle} />
      </div>
      <div className="space-y-1">
        <label htmlFor="seo-description" className="block text-sm font-semibold">
          SEO description <span className="font-normal text-muted">({draft.seoDescription.length}/300, optional)</span>
        </label>
        <textarea
          id="seo-description"
          rows={3}
          value={draft.seoDescription}
          placeholder={draft.dek}
          onChange={(e) => setField(update, 'seoDescription', e.target.value)}
          className={inputClass}
        />
        <FieldError message={errors.seoDescription} />
      </div>
      <p className="text-sm font-semibold">Social image</p>
      <MediaSlot value={draft.social} label="social image" error={errors.socialMediaId} onPick={onPick} onClear={() => setField(update, 'social', null)} />
      <p className="text-xs text-muted">Without one, the hero image is shared.</p>
    </fieldset>
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
      <FieldError message={error} />
    </div>
  );
}
