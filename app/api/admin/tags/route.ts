import { z } from 'zod';
import { createTag } from '@/db/mutations/taxonomy';
import { searchTags } from '@/db/queries/admin-taxonomy';
import type { TagMade, TagsFound } from '@/server/newsroom-api';
import { SMALL_BODY_LIMIT } from '@/server/request-body';
import { adminRoute, fieldError } from '@/server/door';

// Tag autocomplete and create-on-the-fly for the article editor:
//   GET  /api/admin/tags?q=text  → { tags } (at most 10, prefix matches first)
//   POST /api/admin/tags {name}  → 201 { tag } when made, 200 { tag } when it already existed
// Any signed-in newsroom user may search; creating needs 'tag.create'.

export const GET = adminRoute({
  permission: 'admin.access',
  run: async ({ query }) => ({ ok: true, body: { tags: await searchTags(query.get('q') ?? '', 10) } satisfies TagsFound }),
});

export const POST = adminRoute({
  permission: 'tag.create',
  body: {
    schema: z.object({ name: z.string({ error: 'Enter a tag name.' }).transform((name) => name.slice(0, 500)) }),
    limit: SMALL_BODY_LIMIT,
    unreadable: 'Send JSON: { "name": "…" }.',
  },
  log: 'POST /api/admin/tags',
  run: async ({ body }, { actor }) => {
    const result = await createTag({ name: body.name }, actor);
    if (!result.ok) return fieldError('name', result.message);
    return { ok: true, body: { tag: result.tag } satisfies TagMade, status: result.created ? 201 : 200, invalidates: result.invalidates };
  },
});
