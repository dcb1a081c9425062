import { describe, expect, it } from 'vitest';
import { ROLE_LIST } from '@/lib/roles';
import { ROLES } from './schema';

describe('ROLE_LIST', () => {
  it('is the schema enum, in the same order', () => {
    expect([...ROLE_LIST]).toEqual([...ROLES]);
  });
});
