// The role list is lib/domain.ts's ROLES; this name remains only for
// app/admin/users/user-forms.tsx, which still imports it from here.
export { ROLES as ROLE_LIST } from './domain';
