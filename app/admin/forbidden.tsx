import { NewsroomNotice } from '@/components/admin/newsroom-notice';

// A newsroom page the signed-in user's role may not open (forbidden(), answered 403).
export default function Forbidden() {
  return (
    <NewsroomNotice
      status={403}
      title="Your role does not open this page"
      text="If you need it for your work, ask an administrator."
      links={[{ href: '/admin', label: 'Back to the dashboard' }]}
    />
  );
}
