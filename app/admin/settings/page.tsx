import type { Metadata } from 'next';
import { getSiteSettings } from '@/db/queries/site';
import { requirePermission } from '@/server/session';
import { formatDateTime, toZonedInputValue } from '@/lib/time/dates';
import { decideBreaking } from '@/lib/site/home';
import { can } from '@/lib/newsroom/permissions';
import { listSupportedTimeZones } from '@/lib/validation/taxonomy';
import { BreakingForm, ClearBreakingForm, SiteSettingsForm } from './settings-forms';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const user = await requirePermission('breaking.manage');
  const settings = await getSiteSettings();
  const { breaking, timeZone } = settings;
  const now = new Date();
  const showing = decideBreaking(breaking, now);
  const expiresAt = breaking?.expiresAt ? new Date(breaking.expiresAt) : null;
  const status = !breaking
    ? 'No banner is set.'
    : showing
      ? expiresAt
        ? `Showing on every public page until ${formatDateTime(expiresAt, timeZone)}.`
        : 'Showing on every public page until cleared.'
      : expiresAt
        ? `Expired ${formatDateTime(expiresAt, timeZone)}; no longer shown.`
        : 'Set, but not shown.';
  return (
    <div className="space-y-8">
      <div>
        <h1 className="font-serif text-3xl font-bold">Settings</h1>
        <p className="mt-1 text-muted">The breaking-news banner{can(user, 'settings.manage') ? ' and the site’s name and clock' : ''}.</p>
      </div>

      <section aria-labelledby="breaking-title" className="rounded-lg border border-rule bg-paper p-6">
        <h2 id="breaking-title" className="text-lg font-bold">
          Breaking-news banner
        </h2>
        <p role="status" data-testid="breaking-status" className="mt-1 mb-4 text-sm text-muted">
          {status}
        </p>
        {breaking && showing ? (
          <p className="mb-4 rounded-md bg-accent px-3 py-2 text-sm font-semibold text-accent-ink">
            <span className="mr-2 text-xs tracking-widest uppercase">Breaking</span>
            {showing.text}
          </p>
        ) : null}
        <BreakingForm
          key={JSON.stringify(breaking)}
          timeZone={timeZone}
          initial={{
            text: breaking?.text ?? '',
            url: breaking?.url ?? '',
            expiresAt: expiresAt && expiresAt > now ? toZonedInputValue(expiresAt, timeZone) : '',
          }}
        />
        {breaking ? (
          <div className="mt-6 border-t border-rule pt-4">
            <ClearBreakingForm />
          </div>
        ) : null}
      </section>

      {can(user, 'settings.manage') ? (
        <section aria-labelledby="site-title" className="rounded-lg border border-rule bg-paper p-6">
          <h2 id="site-title" className="mb-4 text-lg font-bold">
            Site
          </h2>
          <SiteSettingsForm initial={{ siteName: settings.siteName, timeZone, xAccount: settings.xAccount ?? '' }} zones={listSupportedTimeZones()} />
        </section>
      ) : null}
    </div>
  );
}
