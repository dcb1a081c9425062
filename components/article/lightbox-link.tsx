import type { ReactNode } from 'react';
import { IslandScript } from '@/components/site/island-script';

// An image that opens larger. Without JavaScript it is a link to the full-size file; with the
// lightbox island (islands/lightbox.ts) a plain click opens it in a modal dialog with its caption,
// and closing it (button, Escape, a click outside) puts focus back on this link.
export function LightboxLink({
  href,
  alt,
  caption,
  className,
  children,
}: {
  href: string;
  alt: string;
  caption?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <>
      <a href={href} data-island="lightbox" data-alt={alt} data-caption={caption || undefined} className={`lightbox-link ${className ?? ''}`}>
        {children}
        <span className="sr-only">{alt ? ' (view full size)' : 'View the image full size'}</span>
      </a>
      <IslandScript name="lightbox" />
    </>
  );
}
