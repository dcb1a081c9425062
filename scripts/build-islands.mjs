#!/usr/bin/env node
// Builds the reader pages' islands (islands/*.ts, one file an island) into public/islands/ with a
// content hash in every name, and writes public/islands/manifest.json: island name → address.
// `npm run build` and `npm run dev` run it before Next; next.config.ts reads the manifest and
// hands it to the pages (lib/site/islands.ts), so a page asks for exactly the islands it shows.
// Each island's gzipped size is checked against its budget here and printed by `npm run bench`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'islands');
const out = path.join(root, 'public', 'islands');
// One island, gzipped: a reader page ships a handful of them, 30 KB in all at most.
const ISLAND_BUDGET_GZ = 6 * 1024;

export async function buildIslands({ quiet = false } = {}) {
  const entries = fs
    .readdirSync(source)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts'))
    .map((file) => path.join(source, file));
  fs.rmSync(out, { recursive: true, force: true });
  const result = await build({
    entryPoints: entries,
    outdir: out,
    bundle: true,
    format: 'esm',
    // Each island is one file, whatever it imports: no shared chunk to wait for.
    splitting: false,
    minify: true,
    target: ['es2020', 'safari14'],
    entryNames: '[name].[hash]',
    metafile: true,
    legalComments: 'none',
    tsconfig: path.join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
  /** @type {Record<string, { src: string, bytes: number, gzipBytes: number }>} */
  const manifest = {};
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    if (!output.entryPoint) continue;
    const name = path.basename(output.entryPoint, '.ts');
    const body = fs.readFileSync(path.join(root, file));
    const gzipBytes = gzipSync(body, { level: 9 }).length;
    manifest[name] = { src: `/islands/${path.basename(file)}`, bytes: body.length, gzipBytes };
    if (gzipBytes > ISLAND_BUDGET_GZ) {
      throw new Error(`island ${name} is ${gzipBytes} bytes gzipped, over its budget of ${ISLAND_BUDGET_GZ}`);
    }
  }
  fs.writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  if (!quiet) {
    const list = Object.entries(manifest).map(([name, { gzipBytes }]) => `${name} ${(gzipBytes / 1024).toFixed(1)} KB`);
    console.log(`islands: ${list.join(', ')} (gzipped)`);
  }
  return manifest;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await buildIslands();
}
