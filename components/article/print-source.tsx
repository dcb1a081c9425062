import { getSiteSettings } from '@/db/queries/site';
import { absoluteUrl } from '@/lib/site/url';

// Print hides the masthead and footer (app/styles.css), so a printed page would not say where it
// came from: the site's name and the article's address, on paper only.
export async function PrintSource({ path }: { path: string }) {
  const { siteName } = await getSiteSettings();
  const url = absoluteUrl(path);
  return (
    <p data-testid="print-source" className="mb-4 hidden border-b border-ink pb-2 text-sm print:block">
      <strong>{siteName}</strong> · {url}
    </p>
  );
}
