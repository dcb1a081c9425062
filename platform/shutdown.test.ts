import { describe, expect, it } from 'vitest';
import { onShutdown, runShutdownHooks } from './shutdown';

describe('shutdown hooks', () => {
  it('run in order, flush before close, and keep going when one fails', () => {
    const ran: string[] = [];
    onShutdown('close database', () => ran.push('close'), 100);
    onShutdown('flush views', () => ran.push('flush'), 10);
    onShutdown('broken', () => {
      throw new Error('boom');
    }, 50);
    expect(runShutdownHooks()).toEqual(['flush views', 'close database']);
    expect(ran).toEqual(['flush', 'close']);
    expect(runShutdownHooks()).toEqual([]);
  });
});
