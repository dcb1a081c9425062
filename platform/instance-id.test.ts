import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { getInstanceId } from './instance-id';

describe('getInstanceId', () => {
  it('names the host and the process, and stays the same for the life of the process', () => {
    const id = getInstanceId();
    expect(id).toMatch(new RegExp(`^${os.hostname().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${process.pid}:[0-9a-f]{8}$`));
    expect(getInstanceId()).toBe(id);
  });
});
