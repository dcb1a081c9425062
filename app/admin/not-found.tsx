import { NewsroomNotice } from '@/components/admin/newsroom-notice';

// An address in the newsroom that leads nowhere (a story, revision or upload that does not
// exist, or no longer does), inside the newsroom's own header.
export default function AdminNotFound() {
  return (
    <NewsroomNotice
      status={404}
      title="Nothing here"
      text="This page does not exist, or what it showed was deleted. Check the address, or find the article in the list."
      links={[
        { href: '/admin/articles', label: 'All articles' },
        { href: '/admin', label: 'Back to the dashboard' },
      ]}
    />
  );
}
