'use server';

import { AuthError } from 'next-auth';
import { checkSignInThrottle, signIn } from '@/auth';
import { getClientAddress } from '@/server/session';
import { decideAfterSignIn } from '@/lib/site/safe-redirect';
import { describeWait } from '@/platform/throttle';
import type { FormState } from '@/server/newsroom-api';
import { signInSchema } from '@/lib/validation/auth';

// One message for every wrong combination: it never tells whether the email exists.
const WRONG = 'That email and password do not match an active account.';

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = signInSchema.safeParse({ email: formData.get('email'), password: formData.get('password') });
  if (!parsed.success) return { error: 'Enter your email and password.', fieldErrors: parsed.error.flatten().fieldErrors };
  const { email, password } = parsed.data;
  // Checked here for the message; authorize() in auth.ts checks again and records the attempt.
  const throttle = await checkSignInThrottle(email, await getClientAddress());
  if (!throttle.allowed) return { error: describeWait(throttle.retryAfterMs) };
  try {
    await signIn('credentials', { email, password, redirectTo: decideAfterSignIn(formData.get('next')) });
  } catch (error) {
    if (error instanceof AuthError) {
      const again = await checkSignInThrottle(email, await getClientAddress());
      return { error: again.allowed ? WRONG : describeWait(again.retryAfterMs) };
    }
    // The redirect after a successful sign-in is thrown too; let Next.js follow it.
    throw error;
  }
  return {};
}
