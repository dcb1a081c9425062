import type { Metadata } from 'next';
import Forbidden from '../forbidden';

export const metadata: Metadata = { title: 'Not for your role' };

// Where proxy.ts sends, with status 403, a page the signed-in role may not open (server/page-access.ts).
// The layout has already checked that someone is signed in.
export default function ForbiddenPage() {
  return <Forbidden />;
}
