import type { Metadata } from 'next';
import { getCurationSlots } from '@/db/queries/admin-taxonomy';
import { getSiteSettings } from '@/db/queries/site';
import { requirePermission } from '@/server/session';
import { CurationEditor } from './curation-editor';

export const metadata: Metadata = { title: 'Homepage' };

export default async function CurationPage() {
  await requirePermission('curation.manage');
  const [slots, { timeZone }] = await Promise.all([getCurationSlots(), getSiteSettings()]);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="font-serif text-3xl font-bold">Homepage</h1>
        <p className="mt-1 text-muted">
          The lead story, the top stories and Editors&apos; Picks. Reorder by dragging or with each row&apos;s Move up and Move down
          buttons, then save the slot. Only published stories can be placed.
        </p>
      </div>
      <CurationEditor initial={slots} timeZone={timeZone} />
    </div>
  );
}
