import { SiteChrome } from '@/components/site/site-chrome';
import { ExpiredPreviewNotice } from '../expired-notice';

export default function ExpiredPreviewNotFound() {
  return (
    <SiteChrome>
      <ExpiredPreviewNotice />
    </SiteChrome>
  );
}
