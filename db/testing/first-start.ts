// One server start's database step (what `npm run db:prepare` does), held at a starting line:
// it loads everything, prints "ready", and opens the database only when a line arrives on stdin.
// db/concurrent-start.test.ts starts several of these and releases them together, so their
// migrations and seeds overlap. Run: node --conditions=react-server --import tsx db/testing/first-start.ts
import readline from 'node:readline';
import { prepareDatabase } from '../prepare';

async function main(): Promise<void> {
  const lines = readline.createInterface({ input: process.stdin });
  const go = new Promise<void>((resolve) => lines.once('line', () => resolve()));
  process.stdout.write('ready\n');
  await go;
  lines.close();
  await prepareDatabase(undefined, () => {});
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
