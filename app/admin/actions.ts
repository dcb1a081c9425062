'use server';

import { z } from 'zod';
import { signOut } from '@/auth';
import { endSession } from '@/db/mutations/sessions';
import { adminCommand } from '@/server/door';

// Signing out: ended on the server first (deleting the cookie alone would leave any copy of it
// working). Nobody signed in is sent to the sign-in page by the door, which is where this leads.
const signOutCommand = adminCommand<void, unknown>({
  permission: 'admin.access',
  input: z.unknown(),
  run: async (_input, { user, actor, sessionId }) => {
    await endSession(sessionId, user.id, actor);
    await signOut({ redirectTo: '/login?signedout=1' });
    return { ok: true };
  },
});

export async function signOutAction(): Promise<void> {
  await signOutCommand();
}
