import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { commandPath, ensureDebianPackages } from '../../scripts/debian-packages.mjs';

// A real redis-server for unit tests, on a free port of 127.0.0.1, in a folder of its own.
// Debian's package is installed when it is missing and we are root (as in CI); anywhere else the
// suite fails and says what to install (scripts/debian-packages.mjs).

export interface TestRedis {
  readonly url: string;
  /** Starts it (again, on the same port and folder: what was written survives a restart). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Stops it and removes its folder. */
  dispose(): Promise<void>;
}

function redisServerBinary(): string {
  ensureDebianPackages([{ command: 'redis-server', pkg: 'redis-server' }]);
  return commandPath('redis-server')!;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function createTestRedis(): Promise<TestRedis> {
  const binary = redisServerBinary();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-redis-'));
  const port = await freePort();
  let child: ChildProcess | null = null;
  const redis: TestRedis = {
    url: `redis://127.0.0.1:${port}`,
    async start() {
      // Append-only with fsync on every write, so what was written outlives an outage.
      const started = spawn(
        binary,
        ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes', '--appendfsync', 'always'],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      child = started;
      await new Promise<void>((resolve, reject) => {
        let output = '';
        started.stdout!.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('Ready to accept connections')) resolve();
        });
        started.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
      });
    },
    async stop() {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return;
      await new Promise((resolve) => {
        running.once('exit', resolve);
        running.kill('SIGTERM');
      });
    },
    async dispose() {
      await redis.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return redis;
}
