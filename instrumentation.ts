// Runs once when the server starts. In the Node.js runtime, make sure buffered page views
// are written when the server is stopped (SIGTERM/SIGINT from Docker, systemd or Playwright).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { registerPageViewShutdown } = await import('./lib/views/page-view-service');
    registerPageViewShutdown();
  }
}
