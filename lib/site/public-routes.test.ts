import { describe, expect, it } from 'vitest';
import { classifyPublicPath } from './public-routes.mjs';

describe('classifyPublicPath', () => {
  it('lets Next answer fixed routes, route prefixes, trailing slashes and addresses to lowercase', () => {
    for (const path of ['/', '/search', '/corrections', '/corrections/page/2', '/withdrawn', '/robots.txt', '/sitemap.xml', '/rss.xml', '/news-sitemap.xml', '/icon.svg', '/_next/static/x.js', '/api/health', '/admin', '/admin/articles', '/login', '/preview/3', '/media/2026/01/a.jpg', '/media-crop/16x9/a.jpg', '/social-card/article/1', '/sitemaps/articles-1.xml', '/paged/section/city/2', '/city/', '/City', '/City/Story']) {
      expect(classifyPublicPath(path), path).toBe('next');
    }
  });

  it('asks the database about sections, articles, tags, authors and their feeds', () => {
    expect(classifyPublicPath('/city')).toEqual({ check: 'section', section: 'city' });
    expect(classifyPublicPath('/city/rss.xml')).toEqual({ check: 'section', section: 'city' });
    expect(classifyPublicPath('/city/night-buses')).toEqual({ check: 'article', section: 'city', slug: 'night-buses' });
    expect(classifyPublicPath('/tag/transit')).toEqual({ check: 'tag', slug: 'transit' });
    expect(classifyPublicPath('/tag/transit/rss.xml')).toEqual({ check: 'tag', slug: 'transit' });
    expect(classifyPublicPath('/author/iryna-bondar')).toEqual({ check: 'author', slug: 'iryna-bondar' });
  });

  it('knows what no route answers: scanners’ favourite addresses and deeper paths', () => {
    for (const path of ['/.env', '/wp-login.php', '/xmlrpc.php', '/.git/config', '/city/story/extra', '/tag/a/b', '/author/a/rss.xml', '/tag/UPPER.php', '/phpmyadmin/index.php', '/a/b/c/d']) {
      expect(classifyPublicPath(path), path).toBe('missing');
    }
  });
});
