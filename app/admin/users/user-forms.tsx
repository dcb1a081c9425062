'use client';

import { useActionState } from 'react';
import { Field, FormMessage, inputClass, SubmitButton } from '@/components/ui';
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

export function UserRowActions({ id, name, role, disabled }: { id: number; name: string; role: Role; disabled: boolean }) {
  const [roleState, roleAction] = useActionState<FormState, FormData>(changeRoleAction, {});
  const [disableState, disableAction] = useActionState<FormState, FormData>(setDisabledAction, {});
  const [resetState, resetAction] = useActionState<FormState, FormData>(resetPasswordAction, {});
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <form action={roleAction} className="flex items-center gap-2">
          <input type="hidden" name="userId" value={id} />
          <label htmlFor={`role-${id}`} className="sr-only">
            Role of {name}
          </label>
          <select id={`role-${id}`} name="role" defaultValue={role} key={role} className="rounded-md border border-rule bg-paper px-2 py-1.5 text-sm">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
          <RowButton variant="secondary" label="Save role" hidden={`of ${name}`} />
        </form>
        <form action={disableAction}>
          <input type="hidden" name="userId" value={id} />
          <input type="hidden" name="disabled" value={disabled ? 'false' : 'true'} />
          <RowButton variant={disabled ? 'secondary' : 'danger'} label={disabled ? 'Enable' : 'Disable'} hidden={name} />
        </form>
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
