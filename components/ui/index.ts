// components/ui: the desk's presentational primitives (cards, headers, list chrome, form fields).
//
// What belongs here: markup and Tailwind classes that several pages repeat, typed by their
// props alone. No data access, no server actions, no permissions, no domain words: a piece
// that knows about articles, sections or users belongs in components/admin/. Everything is
// server-safe except submit-button.tsx, which needs the form's pending state, and
// confirm-dialog.tsx, which opens a native dialog. ESLint keeps
// imports of db/, lib/, app/ and the domain component folders out (eslint.config.mjs).
//
// Import from '@/components/ui', not from the files.

export { ConfirmDialog } from './confirm-dialog';
export { Field, inputClass } from './field';
export { FormMessage } from './form-message';
export { EmptyState, ItemList, ItemTitle, RowDisclosure } from './item-list';
export { readListParams } from './list-params';
export { ListPage } from './list-page';
export { ListPager } from './list-pager';
export { ListSearch } from './list-search';
export { PageHeader } from './page-header';
export { Card, ListPanel, Panel } from './panel';
export { SubmitButton } from './submit-button';
