'use client';

import { useState } from 'react';
import { Field, inputClass } from '@/components/ui';
import { slugify } from '@/lib/site/slug';

// The Name and Slug pair of the taxonomy forms (sections, tags, bylines). A new entry's slug
// follows its name until the editor types one; an existing entry keeps its address.
export function NameSlugFields({
  prefix,
  initial,
  errors,
  slugHint,
}: {
  prefix: string;
  initial: { name: string; slug: string };
  errors: { name?: string[]; slug?: string[] };
  slugHint: string;
}) {
  const [name, setName] = useState(initial.name);
  const [slug, setSlug] = useState(initial.slug);
  const [slugTouched, setSlugTouched] = useState(prefix !== 'new-');
  return (
    <>
      <Field label="Name" name={`${prefix}name`} errors={errors.name}>
        <input
          id={`${prefix}name`}
          name="name"
          required
          autoComplete="off"
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            if (!slugTouched) setSlug(slugify(e.target.value));
          }}
          aria-invalid={errors.name ? true : undefined}
          className={inputClass}
        />
      </Field>
      <Field label="Slug" name={`${prefix}slug`} hint={slugHint} errors={errors.slug}>
        <input
          id={`${prefix}slug`}
          name="slug"
          autoComplete="off"
          value={slug}
          onChange={(e) => {
            setSlug(e.target.value);
            setSlugTouched(true);
          }}
          aria-describedby={`${prefix}slug-hint`}
          aria-invalid={errors.slug ? true : undefined}
          className={`${inputClass} font-mono`}
        />
      </Field>
    </>
  );
}
