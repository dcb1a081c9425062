import { describe, expect, it } from 'vitest';
import { confirmedSchema, reasonSchema } from './confirm';

describe('confirmedSchema', () => {
  const schema = confirmedSchema('disable this account');
  it('takes only the dialog button’s value', () => {
    expect(schema.safeParse('yes').success).toBe(true);
    for (const sent of [undefined, '', 'no', 'true']) expect(schema.safeParse(sent).success).toBe(false);
  });
  it('says what was not done and how to do it', () => {
    expect(schema.safeParse(undefined).error?.issues[0]?.message).toBe('Nothing was done: confirm that you want to disable this account.');
  });
});

describe('reasonSchema', () => {
  it('refuses a blank required reason with its message', () => {
    const schema = reasonSchema({ required: 'Say why.' });
    expect(schema.safeParse('   ').error?.issues[0]?.message).toBe('Say why.');
    expect(schema.safeParse(undefined).success).toBe(false);
    expect(schema.parse('  Legal asked us to  ')).toBe('Legal asked us to');
  });
  it('reads a blank optional reason as none', () => {
    const schema = reasonSchema();
    expect(schema.parse(undefined)).toBeNull();
    expect(schema.parse(null)).toBeNull();
    expect(schema.parse('  ')).toBeNull();
    expect(schema.parse('Typo in a name')).toBe('Typo in a name');
  });
  it('has a limit', () => {
    expect(reasonSchema().safeParse('x'.repeat(501)).success).toBe(false);
  });
});
