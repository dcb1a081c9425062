'use client';

import { useActionState, useState } from 'react';
import { ConfirmDialog, Field, FormMessage, inputClass, SubmitButton } from '@/components/ui';
import { OneTimeLink } from '@/components/admin/one-time-link';
import { roleLabel } from '@/components/admin/role-label';
import { ROLES, type Role } from '@/lib/domain';
import type { FormState } from '@/server/newsroom-api';
import { changeRoleAction, inviteUserAction, resetPasswordAction, setDisabledAction } from './actions';

function Result({ state }: { state: FormState }) {
  return (
    <>
      <FormMessage error={state.error} message={state.message} />
      {state.link ? <OneTimeLink path={state.link} /> : null}
    </>
  );
}

export function InviteForm() {
  const [state, action] = useActionState<FormState, FormData>(inviteUserAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Name" name="name" errors={state.fieldErrors?.name}>
          <input id="name" name="name" required autoComplete="off" className={inputClass} />
        </Field>
        <Field label="Email" name="email" errors={state.fieldErrors?.email}>
          <input id="email" name="email" type="email" required autoComplete="off" className={inputClass} />
        </Field>
        <Field label="Role" name="role" errors={state.fieldErrors?.role}>
          <select id="role" name="role" defaultValue="contributor" className={inputClass}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <SubmitButton pendingText="Inviting…">Invite</SubmitButton>
      <Result state={state} />
    </form>
  );
}

// A compact button in a user's row. The hidden words finish its name for screen readers
// ("Disable Ada Lovelace"); the outer span keeps them one flex item, so the space survives.
function RowButton({ variant, label, hidden }: { variant: 'secondary' | 'danger'; label: string; hidden: string }) {
  return (
    <SubmitButton variant={variant} className="!px-3 !py-1.5">
      <span>
        {label}
        <span className="sr-only"> {hidden}</span>
      </span>
    </SubmitButton>
  );
}

const rowButton = 'inline-flex items-center justify-center rounded-md !px-3 !py-1.5 text-sm font-semibold transition-colors';
const secondaryLook = 'border border-rule bg-paper text-ink hover:border-ink';
const dangerLook = 'border border-accent bg-paper text-accent hover:bg-accent hover:text-accent-ink';

// A role change signs the person out and a disable locks them out, so both ask first
// (components/ui/confirm-dialog.tsx); the page leaves out what the server would refuse anyway
// (decideUserControls in lib/newsroom/permissions.ts).
export function UserRowActions({
  id,
  name,
  role,
  disabled,
  canDisable,
  canChangeRole,
}: {
  id: number;
  name: string;
  role: Role;
  disabled: boolean;
  canDisable: boolean;
  canChangeRole: boolean;
}) {
  const [roleState, roleAction] = useActionState<FormState, FormData>(changeRoleAction, {});
  const [disableState, disableAction] = useActionState<FormState, FormData>(setDisabledAction, {});
  const [resetState, resetAction] = useActionState<FormState, FormData>(resetPasswordAction, {});
  const [chosen, setChosen] = useState<Role>(role);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        {canChangeRole ? (
          <form action={roleAction} className="flex items-center gap-2">
            <input type="hidden" name="userId" value={id} />
            <label htmlFor={`role-${id}`} className="sr-only">
              Role of {name}
            </label>
            <select
              id={`role-${id}`}
              name="role"
              value={chosen}
              onChange={(e) => setChosen(e.target.value as Role)}
              className="rounded-md border border-rule bg-paper px-2 py-1.5 text-sm"
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {roleLabel(r)}
                </option>
              ))}
            </select>
            <ConfirmDialog
              opener={
                <span>
                  Save role<span className="sr-only"> of {name}</span>
                </span>
              }
              openerClassName={`${rowButton} ${secondaryLook}`}
              title={`Make ${name} ${roleLabel(chosen).toLowerCase()}?`}
              confirmLabel="Change role"
              tone="primary"
            >
              <p>
                {name} goes from {roleLabel(role).toLowerCase()} to {roleLabel(chosen).toLowerCase()}. They are signed out everywhere and
                sign in again with the new role.
              </p>
            </ConfirmDialog>
          </form>
        ) : (
          <p className="text-sm text-muted">The only active administrator: make someone else one first.</p>
        )}
        {disabled ? (
          <form action={disableAction}>
            <input type="hidden" name="userId" value={id} />
            <input type="hidden" name="disabled" value="false" />
            <RowButton variant="secondary" label="Enable" hidden={name} />
          </form>
        ) : canDisable ? (
          <form action={disableAction}>
            <input type="hidden" name="userId" value={id} />
            <input type="hidden" name="disabled" value="true" />
            <ConfirmDialog
              opener={
                <span>
                  Disable<span className="sr-only"> {name}</span>
                </span>
              }
              openerClassName={`${rowButton} ${dangerLook}`}
              title={`Disable ${name}?`}
              confirmLabel="Disable account"
            >
              <p>They are signed out on their next request and cannot sign in until an administrator enables the account again.</p>
            </ConfirmDialog>
          </form>
        ) : null}
        <form action={resetAction}>
          <input type="hidden" name="userId" value={id} />
          <RowButton variant="secondary" label="Reset password" hidden={`of ${name}`} />
        </form>
      </div>
      <Result state={roleState} />
      <Result state={disableState} />
      <Result state={resetState} />
    </div>
  );
}
