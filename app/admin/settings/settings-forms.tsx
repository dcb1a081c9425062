'use client';

import { useActionState } from 'react';
import { Field, FormMessage, inputClass, SubmitButton } from '@/components/ui';
import type { FormState } from '@/server/newsroom-api';
import {
  clearBreakingAction,
  setBreakingAction,
  updateSiteSettingsAction,
  type BreakingFormState,
  type SiteSettingsFormState,
} from './actions';

export function BreakingForm({ initial, timeZone }: { initial: { text: string; url: string; expiresAt: string }; timeZone: string }) {
  const [state, action] = useActionState<BreakingFormState, FormData>(setBreakingAction, {});
  const values = state.values ?? initial;
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <Field label="Banner text" name="text" hint="One line, shown in red across the top of the home page." errors={errors.text}>
        <input id="text" name="text" required maxLength={200} autoComplete="off" defaultValue={values.text} aria-describedby="text-hint" className={inputClass} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Link (optional)" name="url" hint="A page on this site such as /news/story, or an http(s) address." errors={errors.url}>
          <input id="url" name="url" autoComplete="off" defaultValue={values.url} aria-describedby="url-hint" className={inputClass} />
        </Field>
        <Field label="Expires (optional)" name="expiresAt" hint={`On the newsroom's clock (${timeZone}). Empty: until cleared.`} errors={errors.expiresAt}>
          <input id="expiresAt" name="expiresAt" type="datetime-local" defaultValue={values.expiresAt} aria-describedby="expiresAt-hint" className={inputClass} />
        </Field>
      </div>
      <SubmitButton pendingText="Saving…">Set banner</SubmitButton>
      <FormMessage error={state.error} message={state.message} testId={state.error ? 'breaking-error' : 'breaking-message'} />
    </form>
  );
}

export function ClearBreakingForm() {
  const [state, action] = useActionState<FormState, FormData>(clearBreakingAction, {});
  return (
    <form action={action} className="space-y-2">
      <SubmitButton variant="danger" pendingText="Clearing…">
        Clear banner
      </SubmitButton>
      <FormMessage error={state.error} message={state.message} testId={state.error ? 'clear-error' : 'clear-message'} />
    </form>
  );
}

export function SiteSettingsForm({ initial, zones }: { initial: { siteName: string; timeZone: string; xAccount: string }; zones: string[] }) {
  const [state, action] = useActionState<SiteSettingsFormState, FormData>(updateSiteSettingsAction, {});
  const values = state.values ?? initial;
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Site name" name="siteName" hint="In the masthead, page titles, feeds and structured data." errors={errors.siteName}>
          <input id="siteName" name="siteName" required autoComplete="off" defaultValue={values.siteName} aria-describedby="siteName-hint" className={inputClass} />
        </Field>
        <Field label="Newsroom time zone" name="timeZone" hint="Dates, day headings and schedules follow this clock." errors={errors.timeZone}>
          <select id="timeZone" name="timeZone" defaultValue={values.timeZone} aria-describedby="timeZone-hint" className={inputClass}>
            {zones.includes(values.timeZone) ? null : <option value={values.timeZone}>{values.timeZone}</option>}
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        </Field>
        <Field label="X/Twitter account (optional)" name="xAccount" hint="As @handle. Shared links name it as the publication's account." errors={errors.xAccount}>
          <input id="xAccount" name="xAccount" autoComplete="off" spellCheck={false} placeholder="@gazette" defaultValue={values.xAccount} aria-describedby="xAccount-hint" className={inputClass} />
        </Field>
      </div>
      <SubmitButton pendingText="Saving…">Save site settings</SubmitButton>
      <FormMessage error={state.error} message={state.message} testId={state.error ? 'site-error' : 'site-message'} />
    </form>
  );
}
