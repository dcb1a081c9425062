import type { MetadataRoute } from 'next';
import { PRIVATE_PATH_PREFIXES } from '@/lib/seo/metadata';
import { absoluteUrl, getSiteUrl } from '@/lib/site/url';

export default function robots(): MetadataRoute.Robots {
  const siteUrl = getSiteUrl();
  return {
    rules: { userAgent: '*', allow: '/', disallow: PRIVATE_PATH_PREFIXES.map((p) => `${p}`) },
    sitemap: [absoluteUrl('/sitemap.xml', siteUrl), absoluteUrl('/news-sitemap.xml', siteUrl)],
  };
}
