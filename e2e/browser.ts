import fs from 'node:fs';
import { chromium, type LaunchOptions } from '@playwright/test';

// Playwright cannot download its browsers on machines without internet; there we drive
// Debian's chromium instead (scripts/ensure-browser.mjs installs it in CI). Playwright's own
// browser wins whenever it is installed, so the config works unchanged everywhere.
function bundledChromiumInstalled(): boolean {
  try {
    return fs.existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

export function systemChromiumLaunchOptions(): LaunchOptions | undefined {
  if (bundledChromiumInstalled()) return undefined;
  const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((file) => fs.existsSync(file));
  if (!executablePath) return undefined;
  return {
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  };
}
