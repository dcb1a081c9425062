import { describe, expect, it } from 'vitest';
import { scriptsOf } from './page-weight.mjs';

// The shape of Next's reader HTML that the weight report reads: external module scripts, the
// noModule polyfills and the inline flight payload. If an upgrade changes how Next writes them,
// the report would silently count nothing; this keeps the reading honest on a sample.
describe('scriptsOf', () => {
  it('tells module scripts, noModule polyfills and the flight payload apart, once each', () => {
    const html = [
      '<script src="/_next/static/chunks/a.js" async=""></script>',
      '<script src="/_next/static/chunks/b.js?dpl=x&amp;v=1" async=""></script>',
      '<script src="/_next/static/chunks/a.js" async=""></script>',
      '<script src="/_next/static/chunks/polyfills.js" noModule=""></script>',
      '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
      '<script>self.__next_f.push([1,"payload"])</script>',
      '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
    ].join('');
    const found = scriptsOf(html);
    expect(found.modules).toEqual(['/_next/static/chunks/a.js', '/_next/static/chunks/b.js?dpl=x&v=1']);
    expect(found.noModule).toEqual(['/_next/static/chunks/polyfills.js']);
    expect(found.flightBytes).toBe(
      Buffer.byteLength('<script>(self.__next_f=self.__next_f||[]).push([0])</script>') +
        Buffer.byteLength('<script>self.__next_f.push([1,"payload"])</script>'),
    );
  });

  it('counts nothing on a page without scripts', () => {
    expect(scriptsOf('<html><body><h1>Plain</h1></body></html>')).toEqual({ modules: [], noModule: [], flightBytes: 0 });
  });
});
