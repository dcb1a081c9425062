// Work that must happen when the server process ends: flush buffered view
// counts, then close the database. Next's own SIGTERM/SIGINT handling stops
// accepting connections, lets requests in flight finish and then exits; these
// hooks run at that exit. They must be synchronous (better-sqlite3 is).

type Hook = { name: string; order: number; run: () => void };

const globalForShutdown = globalThis as unknown as { gazetteShutdown?: { hooks: Hook[]; installed: boolean } };

function registry() {
  globalForShutdown.gazetteShutdown ??= { hooks: [], installed: false };
  return globalForShutdown.gazetteShutdown;
}

// Lower `order` runs first: 10 = flush data, 100 = close the database.
export function onShutdown(name: string, run: () => void, order = 50): void {
  const r = registry();
  r.hooks = r.hooks.filter((h) => h.name !== name);
  r.hooks.push({ name, order, run });
}

export function runShutdownHooks(): string[] {
  const r = registry();
  const ran: string[] = [];
  for (const hook of [...r.hooks].sort((a, b) => a.order - b.order)) {
    try {
      hook.run();
      ran.push(hook.name);
    } catch (error) {
      console.error(`shutdown: ${hook.name} failed:`, error);
    }
  }
  r.hooks = [];
  return ran;
}

export function installShutdownHandlers(onSignal?: () => void): void {
  const r = registry();
  if (r.installed) return;
  r.installed = true;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => onSignal?.());
  process.once('exit', () => runShutdownHooks());
}
