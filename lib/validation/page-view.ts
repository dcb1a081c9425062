import { z } from './zod';

// The view beacon's body: which article was read. Nothing else is accepted or stored.
export const pageViewSchema = z.object({
  articleId: z.number().int().positive().max(2_147_483_647),
});
