import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { JsonLd } from './json-ld';

describe('JsonLd', () => {
  it('renders one script element whose text a headline cannot escape', () => {
    const headline = '</script><script>alert(1)</script>';
    const html = renderToStaticMarkup(<JsonLd data={{ '@type': 'NewsArticle', headline }} />);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    const json = html.replace(/^<script type="application\/ld\+json">/, '').replace(/<\/script>$/, '');
    expect(JSON.parse(json)).toEqual({ '@type': 'NewsArticle', headline });
  });
});
