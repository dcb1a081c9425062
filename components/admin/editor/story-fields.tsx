'use client';

import type { JSONContent } from '@tiptap/react';
import { TEXT_FIELDS } from '@/lib/articles/fields';
import { withTitle, wordStats } from '@/lib/articles/draft';
import { FieldError, setField, type DraftFieldsProps } from './fields';
import { RichText } from './rich-text';

// The story itself: kicker, headline, dek, body and its length. The body editor keeps its own document,
// so `bodyKey` changes when the draft's body was replaced from outside (a restore, their version).
export function StoryFields({ draft, errors, update, disabled, bodyKey }: DraftFieldsProps & { bodyKey: number }) {
  const stats = wordStats(draft.body);
  return (
    <fieldset disabled={disabled} className="min-w-0 space-y-4">
      <legend className="sr-only">Story</legend>
      <div>
        <label htmlFor="article-kicker" className="sr-only">
          Kicker
        </label>
        <input
          id="article-kicker"
          value={draft.kicker}
          maxLength={TEXT_FIELDS.kicker.max}
          placeholder="Kicker (optional): Analysis, Exclusive, Live…"
          aria-invalid={errors.kicker ? true : undefined}
          onChange={(e) => setField(update, 'kicker', e.target.value)}
          className="block w-full border-0 bg-transparent text-sm font-bold tracking-wider uppercase placeholder:font-normal placeholder:tracking-normal placeholder:normal-case focus:outline-none"
        />
        <FieldError message={errors.kicker} />
      </div>
      <div>
        <label htmlFor="article-title" className="sr-only">
          Headline
        </label>
        <textarea
          id="article-title"
          rows={1}
          value={draft.title}
          placeholder="Headline"
          aria-invalid={errors.title ? true : undefined}
          onChange={(e) => update((d) => withTitle(d, e.target.value.replace(/\n/g, ' ')))}
          className="field-sizing-content block w-full resize-none border-0 bg-transparent font-serif text-3xl leading-tight font-bold focus:outline-none sm:text-4xl"
        />
        <FieldError message={errors.title} />
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
          onChange={(e) => setField(update, 'dek', e.target.value)}
          className="field-sizing-content block w-full resize-none border-0 bg-transparent text-lg text-muted focus:outline-none"
        />
        <FieldError message={errors.dek} />
      </div>
      <RichText key={bodyKey} initialContent={draft.body as JSONContent} onChange={(doc) => setField(update, 'body', doc)} />
      <p className="text-sm text-muted" data-testid="word-count" aria-live="off">
        {stats.words.toLocaleString('en')} {stats.words === 1 ? 'word' : 'words'} · {stats.minutes} min read
      </p>
      <FieldError message={errors.body} />
    </fieldset>
  );
}
