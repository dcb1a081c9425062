import { describe, expect, it } from 'vitest';
import { accountSchema, changeRoleSchema, inviteUserSchema, setDisabledSchema, setPasswordSchema, signInSchema } from './auth';

describe('auth schemas', () => {
  it('normalises the sign-in email and keeps the password as typed', () => {
    expect(signInSchema.parse({ email: ' Ed@Example.COM ', password: ' pw ' })).toEqual({
      email: 'ed@example.com',
      password: ' pw ',
    });
  });

  it('refuses unknown roles and bad emails in an invitation', () => {
    expect(inviteUserSchema.safeParse({ email: 'a@b.co', name: 'A', role: 'owner' }).success).toBe(false);
    expect(inviteUserSchema.safeParse({ email: 'nope', name: 'A', role: 'author' }).success).toBe(false);
    expect(inviteUserSchema.parse({ email: 'A@B.co', name: ' A ', role: 'author' })).toEqual({
      email: 'a@b.co',
      name: 'A',
      role: 'author',
    });
    expect(changeRoleSchema.parse({ userId: '3', role: 'editor', confirm: 'yes' })).toEqual({ userId: 3, role: 'editor', confirm: 'yes' });
    expect(changeRoleSchema.safeParse({ userId: '3', role: 'editor' }).error?.issues[0]?.message).toBe(
      'Nothing was done: confirm that you want to change this role.',
    );
  });

  it('wants a long password, typed twice the same', () => {
    const token = 'x'.repeat(43);
    expect(setPasswordSchema.safeParse({ token, password: 'short', confirm: 'short' }).success).toBe(false);
    expect(setPasswordSchema.safeParse({ token, password: 'long enough pass', confirm: 'other' }).success).toBe(false);
    expect(setPasswordSchema.safeParse({ token, password: 'long enough pass', confirm: 'long enough pass' }).success).toBe(true);
  });

  it('unlinks the byline with an empty choice', () => {
    expect(accountSchema.parse({ name: 'Ed', bylineId: '' })).toEqual({ name: 'Ed', bylineId: null });
    expect(accountSchema.parse({ name: 'Ed', bylineId: '4' })).toEqual({ name: 'Ed', bylineId: 4 });
  });
});

describe('setDisabledSchema', () => {
  it('asks before disabling, not before enabling', () => {
    expect(setDisabledSchema.safeParse({ userId: '3', disabled: 'true' }).error?.issues[0]).toMatchObject({
      path: ['confirm'],
      message: 'Nothing was done: confirm that you want to disable this account.',
    });
    expect(setDisabledSchema.parse({ userId: '3', disabled: 'true', confirm: 'yes' })).toMatchObject({ userId: 3, disabled: true });
    expect(setDisabledSchema.parse({ userId: '3', disabled: 'false' })).toMatchObject({ userId: 3, disabled: false });
  });
});
