// Words the live-updates island (islands/live-updates.ts) shows; kept apart from ./updates.ts so
// the island carries nothing else.

/** What the "N new updates" button says. */
export function newUpdatesLabel(count: number): string {
  return count === 1 ? '1 new update' : `${count} new updates`;
}

/** What a screen reader hears once the reader has brought them in. */
export function updatesAddedLabel(count: number): string {
  return count === 1 ? '1 new update added at the top.' : `${count} new updates added at the top.`;
}
