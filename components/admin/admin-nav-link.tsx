'use client';

import { usePathname } from 'next/navigation';

// Marks the page the editor is on (aria-current), which the server header cannot know.
export function AdminNavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const current = href === '/admin' ? pathname === '/admin' : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <a
      href={href}
      aria-current={current ? 'page' : undefined}
      className="block border-b-2 border-transparent px-3 py-2.5 text-muted hover:text-ink aria-[current=page]:border-ink aria-[current=page]:text-ink"
    >
      {children}
    </a>
  );
}
