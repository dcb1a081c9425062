// @ts-check
// Where the search page's body (components/site/search-body.tsx) begins and ends in the HTML
// React renders for it: what the server in front of Next cuts out of a rendered search page to
// keep the rest, and fills for the next address (gateway/search-pages.mjs). Plain JavaScript:
// scripts/start.mjs loads the gateway without a build step.

/** Rendered by SearchBodySlot before the body. */
export const SEARCH_BODY_START = '<span hidden="" data-search-body="start"></span>';
/** Rendered by SearchBodySlot after the body. */
export const SEARCH_BODY_END = '<span hidden="" data-search-body="end"></span>';
