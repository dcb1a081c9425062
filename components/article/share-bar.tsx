import { buildShareLinks } from '@/lib/site/share-links';
import { absoluteUrl } from '@/lib/site/url';
import { CopyLinkButton } from './copy-link-button';

export function ShareBar({ path, title }: { path: string; title: string }) {
  const links = buildShareLinks(absoluteUrl(path), title);
  return (
    <div data-testid="share-bar" className="no-print mt-8 flex flex-wrap items-center gap-2">
      <h2 className="mr-1 text-xs font-bold tracking-wider text-muted uppercase">Share</h2>
      <ul className="flex flex-wrap gap-2">
        {links.map((link) => (
          <li key={link.network}>
            <a
              href={link.href}
              rel="noopener noreferrer"
              target={link.network === 'email' ? undefined : '_blank'}
              className="inline-block rounded-full border border-rule px-3 py-1.5 text-sm font-semibold hover:border-ink"
            >
              {link.label}
              {link.network === 'email' ? null : <span className="sr-only"> (opens in a new tab)</span>}
            </a>
          </li>
        ))}
      </ul>
      <CopyLinkButton path={path} />
    </div>
  );
}
