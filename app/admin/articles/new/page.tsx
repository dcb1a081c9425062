import type { Metadata } from 'next';
import { ArticleEditor } from '@/components/admin/editor/article-editor';
import { getEditorOptions } from '@/db/queries/editor';
import { getSiteSettings } from '@/db/queries/site';
import { requirePermission } from '@/server/session';
import { can } from '@/lib/newsroom/permissions';

export const metadata: Metadata = { title: 'New article' };

// A blank editor: the draft is created by its first autosave, once it has a headline.
export default async function NewArticlePage() {
  const user = await requirePermission('admin.access');
  const [options, settings] = await Promise.all([getEditorOptions(), getSiteSettings()]);
  const mine = options.bylines.filter((b) => b.userId === user.id).map((b) => ({ id: b.id, name: b.name }));
  return (
    <ArticleEditor
      article={null}
      options={options}
      timeZone={settings.timeZone}
      defaultBylines={mine}
      permissions={{
        canEdit: true,
        canDelete: true,
        // Nobody approves their own article.
        canApprove: false,
        canPublish: can(user, 'article.publish', { ownerId: user.id }),
        canCreateTags: can(user, 'tag.create'),
      }}
    />
  );
}
