import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideAdminPage } from '@/lib/newsroom/permissions';

// proxy.ts answers 403 from decideAdminPage before a page renders; each page asks again with
// requirePermission. The two must name the same action, or a page would be refused (or let
// through) by one and not the other.
const ADMIN = path.join(process.cwd(), 'app/admin');

function pages(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return pages(full);
    return entry.name === 'page.tsx' ? [full] : [];
  });
}

describe('every newsroom page and the proxy agree on what opens it', () => {
  for (const file of pages(ADMIN)) {
    const route = `/admin${path.dirname(path.relative(ADMIN, file)).replace(/^\.$/, '').replace(/\[[^\]]+\]/g, '1').replace(/^(?=.)/, '/')}`;
    it(route, () => {
      const asked = [...fs.readFileSync(file, 'utf8').matchAll(/requirePermission\('([a-z_.]+)'/g)].map((m) => m[1]);
      // The page's last check is the one that lets the reader in.
      expect(decideAdminPage(route)?.action).toBe(asked.at(-1));
    });
  }
});
