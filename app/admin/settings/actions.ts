'use server';

import { refresh } from 'next/cache';
import { expireTagsInAction } from '@/lib/expire-tags';
import { setBreaking, updateSiteSettings } from '@/db/mutations/settings';
import { getSiteSettings } from '@/db/queries/site';
import { authorizeAction } from '@/lib/auth-guards';
import { fromZonedInputValue } from '@/lib/dates';
import type { FormState } from '@/lib/validation/auth';
import { breakingInputSchema, siteSettingsInputSchema } from '@/lib/validation/taxonomy';

export interface BreakingFormState extends FormState {
  values?: { text: string; url: string; expiresAt: string };
}

export interface SiteSettingsFormState extends FormState {
  values?: { siteName: string; timeZone: string };
}

function expire(tags: readonly string[]) {
  expireTagsInAction(tags);
  refresh();
}

export async function setBreakingAction(_previous: BreakingFormState, formData: FormData): Promise<BreakingFormState> {
  const values = {
    text: String(formData.get('text') ?? '').slice(0, 1000),
    url: String(formData.get('url') ?? '').slice(0, 1000),
    expiresAt: String(formData.get('expiresAt') ?? '').slice(0, 40),
  };
  const auth = await authorizeAction('breaking.manage');
  if (!auth.ok) return { error: auth.error, values };
  const parsed = breakingInputSchema.safeParse(values);
  if (!parsed.success) return { error: 'Check the highlighted fields.', fieldErrors: parsed.error.flatten().fieldErrors, values };
  // The form shows the newsroom's clock; the stored expiry is an instant.
  let expiresAt: Date | null = null;
  if (parsed.data.expiresAt) {
    const { timeZone } = await getSiteSettings();
    expiresAt = fromZonedInputValue(parsed.data.expiresAt, timeZone);
    if (!expiresAt) {
      const message = `Enter a date and time that exists in ${timeZone}.`;
      return { error: message, fieldErrors: { expiresAt: [message] }, values };
    }
    if (expiresAt.getTime() <= Date.now()) {
      const message = 'That time has already passed: choose a later one or leave it empty.';
      return { error: message, fieldErrors: { expiresAt: [message] }, values };
    }
  }
  const result = await setBreaking(
    { text: parsed.data.text, url: parsed.data.url || null, expiresAt: expiresAt ? expiresAt.toISOString() : null },
    auth.actor,
  );
  expire(result.invalidates);
  return { ok: true, message: 'The banner is on the home page.', values };
}

export async function clearBreakingAction(_previous: FormState, _formData: FormData): Promise<FormState> {
  const auth = await authorizeAction('breaking.manage');
  if (!auth.ok) return { error: auth.error };
  const result = await setBreaking(null, auth.actor);
  expire(result.invalidates);
  return { ok: true, message: 'The banner is cleared.' };
}

export async function updateSiteSettingsAction(_previous: SiteSettingsFormState, formData: FormData): Promise<SiteSettingsFormState> {
  const values = {
    siteName: String(formData.get('siteName') ?? '').slice(0, 500),
    timeZone: String(formData.get('timeZone') ?? '').slice(0, 100),
  };
  const auth = await authorizeAction('settings.manage');
  if (!auth.ok) return { error: auth.error, values };
  const parsed = siteSettingsInputSchema.safeParse(values);
  if (!parsed.success) return { error: 'Check the highlighted fields.', fieldErrors: parsed.error.flatten().fieldErrors, values };
  const result = await updateSiteSettings(parsed.data, auth.actor);
  expire(result.invalidates);
  return { ok: true, message: 'Site settings saved.', values: parsed.data };
}
