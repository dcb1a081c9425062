import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleEditor } from '@/components/admin/editor/article-editor';
import { getArticleForEditor, getEditorOptions } from '@/db/queries/editor';
import { getSiteSettings } from '@/db/queries/site';
import { requirePermission } from '@/server/session';
import { can, decideArticleControls } from '@/lib/newsroom/permissions';
import { articleIdSchema } from '@/lib/validation/editor';

export const metadata: Metadata = { title: 'Edit article' };

export default async function EditArticlePage({ params }: PageProps<'/admin/articles/[id]'>) {
  const id = articleIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const article = await getArticleForEditor(id.data);
  if (!article) notFound();
  const resource = { ownerId: article.createdBy, status: article.status };
  const user = await requirePermission('article.edit', resource);
  const [options, settings] = await Promise.all([getEditorOptions(), getSiteSettings()]);
  const controls = decideArticleControls(user, resource);
  return (
    <ArticleEditor
      key={article.id}
      article={article}
      options={options}
      timeZone={settings.timeZone}
      defaultBylines={[]}
      permissions={{
        canEdit: controls.canEdit,
        canPublish: controls.canPublish,
        canApprove: controls.canApprove,
        canCreateTags: can(user, 'tag.create'),
        canDelete: controls.canDelete,
      }}
    >
      <a href={article.url} target="_blank" rel="noopener" className="rounded-md px-3 py-2 text-sm font-semibold hover:bg-paper">
        View live ↗
      </a>
      {can(user, 'live.post') ? (
        <a href={`/admin/articles/${article.id}/live`} className="rounded-md px-3 py-2 text-sm font-semibold hover:bg-paper">
          Live updates
        </a>
      ) : null}
    </ArticleEditor>
  );
}
