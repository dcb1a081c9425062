// Runs once when a server process starts (not during `next build`).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startScheduler } = await import('./lib/scheduler');
  const port = process.env.PORT || '3000';
  const intervalMs = Number(process.env.GAZETTE_SCHEDULER_INTERVAL_MS) || 15_000;
  startScheduler({ baseUrl: `http://127.0.0.1:${port}`, intervalMs });
}
