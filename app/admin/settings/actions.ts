'use server';

import { z } from 'zod';
import { setBreaking, updateSiteSettings } from '@/db/mutations/settings';
import { getSiteSettings } from '@/db/queries/site';
import { fromZonedInputValue } from '@/lib/time/dates';
import type { FormState } from '@/server/newsroom-api';
import { breakingInputSchema, siteSettingsInputSchema } from '@/lib/validation/taxonomy';
import { adminAction, fieldError, formTexts } from '@/server/door';

export type BreakingFormState = FormState<{ text: string; url: string; expiresAt: string }>;
export type SiteSettingsFormState = FormState<{ siteName: string; timeZone: string; xAccount: string }>;

const bannerValues = formTexts({ text: 1000, url: 1000, expiresAt: 40 });
const siteValues = formTexts({ siteName: 500, timeZone: 100, xAccount: 100 });

export const setBreakingAction = adminAction({
  permission: 'breaking.manage',
  values: bannerValues,
  input: breakingInputSchema,
  run: async (input, { actor }) => {
    // The form shows the newsroom's clock; the stored expiry is an instant.
    let expiresAt: Date | null = null;
    if (input.expiresAt) {
      const { timeZone } = await getSiteSettings();
      expiresAt = fromZonedInputValue(input.expiresAt, timeZone);
      if (!expiresAt) return fieldError('expiresAt', `Enter a date and time that exists in ${timeZone}.`);
      if (expiresAt.getTime() <= Date.now()) return fieldError('expiresAt', 'That time has already passed: choose a later one or leave it empty.');
    }
    const result = await setBreaking({ text: input.text, url: input.url || null, expiresAt: expiresAt ? expiresAt.toISOString() : null }, actor);
    return { ok: true, message: 'The banner is on every public page.', invalidates: result.invalidates };
  },
});

export const clearBreakingAction = adminAction({
  permission: 'breaking.manage',
  input: z.unknown(),
  run: async (_input, { actor }) => {
    const result = await setBreaking(null, actor);
    return { ok: true, message: 'The banner is cleared.', invalidates: result.invalidates };
  },
});

export const updateSiteSettingsAction = adminAction({
  permission: 'settings.manage',
  values: siteValues,
  input: siteSettingsInputSchema,
  run: async (input, { actor }) => {
    const result = await updateSiteSettings(input, actor);
    return { ok: true, message: 'Site settings saved.', values: { ...input, xAccount: input.xAccount ?? '' }, invalidates: result.invalidates };
  },
});
