import { feedResponse } from '@/components/seo/feed-response';

export async function GET() {
  return feedResponse({
    scope: { kind: 'site' },
    title: null,
    description: 'The latest stories, analysis and News Feed updates.',
    path: '/',
    feedPath: '/rss.xml',
  });
}
