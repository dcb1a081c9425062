'use server';

import { signOut } from '@/auth';
import { recordAudit } from '@/db/mutations/audit';
import { getClientAddress, getCurrentUser } from '@/lib/auth-guards';

export async function signOutAction(): Promise<void> {
  const user = await getCurrentUser();
  if (user) {
    await recordAudit({ action: 'auth.sign_out', actorId: user.id, actorEmail: user.email, ip: await getClientAddress(), targetType: 'user', targetId: user.id });
  }
  await signOut({ redirectTo: '/login?signedout=1' });
}
