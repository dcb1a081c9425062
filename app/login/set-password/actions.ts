'use server';

import { redirect } from 'next/navigation';
import { setPasswordWithToken } from '@/db/mutations/users';
import { getClientAddress } from '@/server/session';
import { hashPassword } from '@/platform/passwords';
import type { FormState } from '@/server/newsroom-api';
import { setPasswordSchema } from '@/lib/validation/auth';

// The one-time link is the credential here: no session, and the token is spent atomically.
export async function setPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = setPasswordSchema.safeParse({
    token: formData.get('token'),
    password: formData.get('password'),
    confirm: formData.get('confirm'),
  });
  if (!parsed.success) return { fieldErrors: parsed.error.flatten().fieldErrors, error: 'Check the highlighted fields.' };
  const result = await setPasswordWithToken(parsed.data.token, await hashPassword(parsed.data.password), await getClientAddress());
  if (!result.ok) return { error: 'This link has expired or has already been used. Ask an administrator for a new one.' };
  redirect('/login?set=1');
}
