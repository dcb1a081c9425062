import type { Role } from '@/db/schema';

// The four roles in order of reach, for forms and validation (client code must not import
// db/schema's values). db/roles.test.ts keeps this list equal to the schema's enum.
export const ROLE_LIST = ['contributor', 'author', 'editor', 'admin'] as const satisfies readonly Role[];
