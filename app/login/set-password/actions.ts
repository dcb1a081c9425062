'use server';

import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { signIn } from '@/auth';
import { setPasswordWithToken } from '@/db/mutations/users';
import { getClientAddress } from '@/server/session';
import { hashPassword } from '@/platform/passwords';
import type { FormState } from '@/server/newsroom-api';
import { setPasswordSchema } from '@/lib/validation/auth';

// The one-time link is the credential here: no session, and the token is spent atomically; then
// the person is signed in and lands in the newsroom.
export async function setPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = setPasswordSchema.safeParse({
    token: formData.get('token'),
    password: formData.get('password'),
    confirm: formData.get('confirm'),
  });
  if (!parsed.success) return { fieldErrors: parsed.error.flatten().fieldErrors, error: 'Check the highlighted fields.' };
  const result = await setPasswordWithToken(parsed.data.token, await hashPassword(parsed.data.password), await getClientAddress());
  if (!result.ok) return { error: 'This link has expired or has already been used. Ask an administrator for a new one.' };
  // The person has just proved who they are twice (the link, the new password): sign them in the
  // one way anyone is signed in (auth.ts authorize: throttle, a session row, the audit entry), with
  // the session version the new password gave them. Should that fail, the password is still set.
  try {
    await signIn('credentials', { email: result.email, password: parsed.data.password, redirectTo: '/admin' });
  } catch (error) {
    if (error instanceof AuthError) redirect('/login?set=1');
    // The redirect after a successful sign-in is thrown too; let Next.js follow it.
    throw error;
  }
  return {};
}
