import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { getInstanceId, instanceDetails } from './instance-id';

describe('getInstanceId', () => {
  it('is a random name that says nothing about the machine, the same for the life of the process', () => {
    const id = getInstanceId();
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    expect(id).not.toContain(os.hostname());
    expect(getInstanceId()).toBe(id);
  });

  it('is paired with the host and process only for the log', () => {
    expect(instanceDetails()).toEqual({ instance: getInstanceId(), host: os.hostname(), pid: process.pid });
  });
});
