// Saves articles in a loop through the real mutations and prints "ack <id> <version>"
// after each save has committed. db/crash-safety.test.ts kills it with SIGKILL
// mid-flight. Run: node --conditions=react-server --import tsx db/testing/crash-writer.ts
import { articleInputSchema } from '../../lib/validation/article';
import { createArticle, updateArticle } from '../mutations/articles';

const actor = { id: null, email: 'crash-writer', ip: null };
const run = process.argv[2] ?? '0';

function input(i: number, title: string) {
  return articleInputSchema.parse({
    title,
    slug: `crash-${run}-${i}`,
    sectionId: 1,
    kind: 'news',
    dek: 'Written by the crash-safety test.',
    body: {
      type: 'doc',
      content: Array.from({ length: 30 }, (_, p) => ({
        type: 'paragraph',
        content: [{ type: 'text', text: `Paragraph ${p} of article ${i}: ${'words '.repeat(40)}` }],
      })),
    },
    bylineIds: [1, 2],
    tagIds: [1, 2, 3],
  });
}

async function main(): Promise<never> {
  for (let i = 0; ; i++) {
    const created = await createArticle(input(i, `Crash test ${run}/${i}`), actor);
    if (!created.ok) throw new Error(JSON.stringify(created));
    process.stdout.write(`ack ${created.id} ${created.version}\n`);
    const updated = await updateArticle(created.id, created.version, input(i, `Crash test ${run}/${i} (edited)`), actor);
    if (!updated.ok) throw new Error(JSON.stringify(updated));
    process.stdout.write(`ack ${created.id} ${updated.version}\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
