import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// `npm ci` refuses a lockfile that is "out of sync" with package.json. A dependency declared by
// a dist-tag ("latest", "next", …) is re-resolved against the registry on every install, so the
// day the tag moves, the lockfile that installed yesterday fails on a clean checkout. Every such
// edge must therefore be pinned by an `overrides` entry in package.json.

type LockPackage = { dependencies?: Record<string, string>; devDependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockPackage> };
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { overrides?: Record<string, unknown> };

const isDistTag = (spec: string): boolean => /^[a-z][a-z0-9-]*$/i.test(spec) && !spec.startsWith('npm');

function packageName(lockPath: string): string {
  return lockPath.slice(lockPath.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

function pinnedByOverride(parent: string, dependency: string): boolean {
  const overrides = manifest.overrides ?? {};
  if (typeof overrides[dependency] === 'string') return true;
  const scoped = overrides[parent];
  return typeof scoped === 'object' && scoped !== null && typeof (scoped as Record<string, unknown>)[dependency] === 'string';
}

describe('package-lock.json', () => {
  it('has no dependency declared by a moving dist-tag unless package.json pins it', () => {
    const unpinned: string[] = [];
    for (const [path, pkg] of Object.entries(lock.packages)) {
      if (path === '') continue;
      const parent = packageName(path);
      for (const deps of [pkg.dependencies, pkg.optionalDependencies]) {
        for (const [name, spec] of Object.entries(deps ?? {})) {
          if (isDistTag(spec) && !pinnedByOverride(parent, name)) unpinned.push(`${parent} → ${name}@${spec}`);
        }
      }
    }
    expect(unpinned).toEqual([]);
  });

  it('recognises dist-tags but not version ranges', () => {
    expect(isDistTag('latest')).toBe(true);
    expect(isDistTag('next')).toBe(true);
    expect(isDistTag('^1.2.3')).toBe(false);
    expect(isDistTag('*')).toBe(false);
    expect(isDistTag('1.x')).toBe(false);
    expect(isDistTag('npm:foo@1')).toBe(false);
  });
});
