import { serializeJsonLd, type JsonLdObject } from '@/lib/seo/structured-data';

// Structured data for crawlers. The JSON is escaped by serializeJsonLd (no `<`, `>` or `&`
// survive), so stored text such as a headline can never close the script element: this is
// the one sanctioned dangerouslySetInnerHTML on reader pages, and it carries JSON, not HTML.
export function JsonLd({ data }: { data: JsonLdObject | JsonLdObject[] }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
