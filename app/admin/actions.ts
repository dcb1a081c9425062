'use server';

import { signOut } from '@/auth';
import { endSession } from '@/db/mutations/sessions';
import { getClientAddress, getCurrentSession } from '@/lib/auth-guards';

export async function signOutAction(): Promise<void> {
  const current = await getCurrentSession();
  if (current) {
    const { user, sessionId } = current;
    // Ended on the server first: deleting the cookie alone would leave any copy of it working.
    await endSession(sessionId, user.id, { id: user.id, email: user.email, ip: await getClientAddress() });
  }
  await signOut({ redirectTo: '/login?signedout=1' });
}
