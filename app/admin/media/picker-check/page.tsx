import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/server/session';
import { PickerCheck } from './picker-check';

export const metadata: Metadata = { title: 'Image picker check' };

// Test hook: mounts the article editor's MediaPicker on its own so the end-to-end journey can
// drive it. Exists only when the server runs with GAZETTE_TEST_HOOKS=1 (scripts/e2e-server.mjs).
export default async function PickerCheckPage() {
  await requirePermission('media.upload');
  if (process.env.GAZETTE_TEST_HOOKS !== '1') notFound();
  return <PickerCheck />;
}
