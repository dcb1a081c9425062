import type { Role } from '@/lib/domain';

const LABELS: Record<Role, string> = { contributor: 'Contributor', author: 'Author', editor: 'Editor', admin: 'Administrator' };

export function roleLabel(role: Role): string {
  return LABELS[role] ?? role;
}
