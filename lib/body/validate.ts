import { checkEmbed, EMBED_LABELS, isEmbedType, type EmbedType } from './embeds';

// What a save refuses. sanitizeBody() quietly drops what it cannot trust, which is right for a
// page; an editor who pasted a wrong address must instead be told, or the post would vanish on
// save. Each problem names the node the way the editor sees it: "Embedded post 2: …".

const MAX_PROBLEMS = 10;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Problems with the body's embeds, in document order; empty when the body may be saved. */
export function bodyProblems(input: unknown): string[] {
  let doc = input;
  if (typeof doc === 'string') {
    try {
      doc = JSON.parse(doc);
    } catch {
      return ['The body is not a document the editor wrote.'];
    }
  }
  if (!isRecord(doc)) return [];
  const problems: string[] = [];
  const counts: Partial<Record<EmbedType, number>> = {};
  let visits = 0;

  const walk = (content: unknown, topLevel: boolean) => {
    if (!Array.isArray(content)) return;
    for (const node of content) {
      if (problems.length >= MAX_PROBLEMS || ++visits > 50_000) return;
      if (!isRecord(node)) continue;
      if (isEmbedType(node.type)) {
        const n = (counts[node.type] = (counts[node.type] ?? 0) + 1);
        const name = `${EMBED_LABELS[node.type]} ${n}`;
        if (!topLevel) {
          problems.push(`${name}: move it out of the quote or list it sits in.`);
          continue;
        }
        const checked = checkEmbed(node.type, isRecord(node.attrs) ? node.attrs : {});
        if (!checked.ok) problems.push(`${name}: ${checked.error}.`);
        continue;
      }
      walk(node.content, false);
    }
  };
  walk(doc.content, true);
  return problems;
}
