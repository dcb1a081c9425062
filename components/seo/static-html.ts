import { Fragment, isValidElement, type ReactElement, type ReactNode } from 'react';

// A minimal renderToStaticMarkup for server-only markup that uses plain elements and function
// components (no hooks, no client components), such as ArticleBody's 'feed' variant. Route
// handlers run in the React Server Components layer, where react-dom/server is not
// available; this gives feeds the same allowlisted body the page renders. Its output is
// checked against react-dom/server's in static-html.test.tsx.

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const ATTRIBUTE_NAMES: Record<string, string> = { className: 'class', htmlFor: 'for' };
const SKIPPED_PROPS = new Set(['children', 'key', 'ref', 'dangerouslySetInnerHTML', 'suppressHydrationWarning']);

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;');
}

function renderAttributes(props: Record<string, unknown>): string {
  let out = '';
  for (const [name, value] of Object.entries(props)) {
    if (SKIPPED_PROPS.has(name) || /^on[A-Z]/.test(name) || !/^[a-zA-Z][a-zA-Z0-9-]*$/.test(name)) continue;
    if (value === undefined || value === null || value === false || typeof value === 'function') continue;
    const attribute = ATTRIBUTE_NAMES[name] ?? name;
    out += value === true ? ` ${attribute}=""` : ` ${attribute}="${escapeHtml(String(value))}"`;
  }
  return out;
}

export function renderStaticHtml(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string') return escapeHtml(node);
  if (typeof node === 'number' || typeof node === 'bigint') return String(node);
  if (Array.isArray(node)) return joinChildren(node);
  if (!isValidElement(node)) throw new Error('renderStaticHtml: unsupported node');
  const element = node as ReactElement<Record<string, unknown>>;
  const { type, props } = element;
  if (type === Fragment) return renderStaticHtml(props.children as ReactNode);
  if (typeof type === 'function') {
    return renderStaticHtml((type as (p: Record<string, unknown>) => ReactNode)(props));
  }
  if (typeof type !== 'string' || !/^[a-z][a-z0-9]*$/.test(type)) throw new Error('renderStaticHtml: unsupported element');
  const attributes = renderAttributes(props);
  if (VOID.has(type)) return `<${type}${attributes}/>`;
  return `<${type}${attributes}>${renderStaticHtml(props.children as ReactNode)}</${type}>`;
}

// React separates adjacent text children with a comment so they hydrate apart; static
// markup simply concatenates them, as renderToStaticMarkup does.
function joinChildren(children: ReactNode[]): string {
  return children.map(renderStaticHtml).join('');
}
