// CPU per distinct search, in the search page's one call (searchWithSpelling, db/queries/search.ts),
// against the database in GAZETTE_DATA_DIR: SEARCHES queries (default 300) made from published
// headlines, in five kinds — one word, two words, a word with a letter dropped, "harbour N" (what
// `npm run bench` floods with), a quoted phrase with an exclusion. Prints process CPU per query
// (docs/performance.md, "Search"). Not part of the unit tests: run it with
//   GAZETTE_DATA_DIR=./bench-data npx vitest run --config scripts/search-cpu.vitest.mts
import { it, vi } from 'vitest';

vi.mock('next/cache', () => ({ cacheTag: () => {}, cacheLife: () => {}, revalidateTag: () => {}, updateTag: () => {} }));

const { getConnection } = await import('@/db/client');
const { searchWithSpelling } = await import('@/db/queries/search');
const { parseSearchQuery } = await import('@/lib/site/search-query');

const KINDS = ['one word', 'two words', 'a letter dropped', 'harbour N', 'phrase -exclusion'] as const;

it('measures CPU per distinct search', async () => {
  const { sqlite } = getConnection();
  const count = Number(process.env.SEARCHES || 300);
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const headlines = (sqlite.prepare(`SELECT title FROM articles WHERE status = 'published' ORDER BY id DESC LIMIT 2000`).all() as { title: string }[])
    .map((r) => r.title.toLowerCase().match(/[a-z]{4,}/g) ?? [])
    .filter((words) => words.length > 0);
  const dropLetter = (word: string) => {
    const at = 1 + Math.floor(random() * (word.length - 2));
    return word.slice(0, at) + word.slice(at + 1);
  };
  const queries = Array.from({ length: count }, (_, i) => {
    const words = pick(headlines);
    const [a, b] = [pick(words), pick(words)];
    return [a, `${a} ${b}`, dropLetter(a), `harbour ${i}`, `"${a} ${b}" -${words[0]}`][i % KINDS.length]!;
  });
  // Warm the code paths and the spelling dictionary with queries not measured.
  for (const q of queries.slice(0, 20)) await searchWithSpelling(parseSearchQuery(`${q} warmup`), { limit: 20, offset: 0 });

  const cpu: number[] = [];
  const byKind: number[][] = KINDS.map(() => []);
  let corrected = 0;
  for (const [i, q] of queries.entries()) {
    const start = process.cpuUsage();
    const found = await searchWithSpelling(parseSearchQuery(q), { limit: 20, offset: 0 });
    const used = process.cpuUsage(start);
    const ms = (used.user + used.system) / 1000;
    if (found?.showing || found?.didYouMean) corrected++;
    cpu.push(ms);
    byKind[i % KINDS.length]!.push(ms);
  }
  const at = (xs: number[], p: number) => [...xs].sort((x, y) => x - y)[Math.floor(p * (xs.length - 1))]!.toFixed(1);
  const mean = (xs: number[]) => (xs.reduce((x, y) => x + y, 0) / xs.length).toFixed(1);
  const articles = (sqlite.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  console.log(`${articles} articles, ${count} distinct searches (${corrected} with a spelling correction)`);
  console.log(`CPU per search: p50 ${at(cpu, 0.5)} ms, mean ${mean(cpu)} ms, p95 ${at(cpu, 0.95)} ms`);
  KINDS.forEach((kind, k) => console.log(`  ${kind}: p50 ${at(byKind[k]!, 0.5)} ms, p95 ${at(byKind[k]!, 0.95)} ms`));
});
