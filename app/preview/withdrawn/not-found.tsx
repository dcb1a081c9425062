import { SiteChrome } from '@/components/site/site-chrome';
import { ExpiredPreviewNotice } from '../expired-notice';

export default function WithdrawnPreviewNotFound() {
  return (
    <SiteChrome>
      <ExpiredPreviewNotice withdrawn />
    </SiteChrome>
  );
}
