import { z } from './zod';
import { ROLES } from '@/lib/domain';
import { confirmedSchema } from './confirm';

// Shared by the forms (hints) and the server actions (the real check).

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'Enter a valid email address.' }));

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, { error: 'Enter your email address.' }).max(254),
  // Not trimmed: spaces can be part of a password.
  password: z.string().min(1, { error: 'Enter your password.' }).max(1024),
});

export const PASSWORD_MIN_LENGTH = 12;

export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { error: `Use at least ${PASSWORD_MIN_LENGTH} characters.` })
  .max(1024, { error: 'That password is too long.' });

export const setPasswordSchema = z
  .object({
    token: z.string().min(20).max(200),
    password: newPasswordSchema,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], error: 'The passwords do not match.' });

export const roleSchema = z.enum(ROLES, { error: 'Choose a role.' });

export const nameSchema = z.string().trim().min(1, { error: 'Enter a name.' }).max(120);

export const inviteUserSchema = z.object({
  email: emailSchema,
  name: nameSchema,
  role: roleSchema,
});

export const userIdSchema = z.coerce.number().int().positive();

// A role change ends the person's sessions and a disable locks them out: both ask first.
export const changeRoleSchema = z.object({ userId: userIdSchema, role: roleSchema, confirm: confirmedSchema('change this role') });

const confirmDisable = confirmedSchema('disable this account');

export const setDisabledSchema = z
  .object({
    userId: userIdSchema,
    disabled: z.enum(['true', 'false']).transform((v) => v === 'true'),
    confirm: z.string().optional(),
  })
  // Enabling gives access back, so only disabling asks.
  .superRefine((v, ctx) => {
    if (!v.disabled) return;
    const confirmed = confirmDisable.safeParse(v.confirm);
    if (!confirmed.success) ctx.addIssue({ code: 'custom', path: ['confirm'], message: confirmed.error.issues[0]!.message });
  });

export const accountSchema = z.object({
  name: nameSchema,
  // '' unlinks the byline.
  bylineId: z.union([z.literal('').transform(() => null), z.coerce.number().int().positive()]),
});

export const changePasswordSchema = z
  .object({
    current: z.string().min(1, { error: 'Enter your current password.' }),
    password: newPasswordSchema,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], error: 'The passwords do not match.' });
