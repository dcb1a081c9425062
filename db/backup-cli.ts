// npm run backup                      snapshot $GAZETTE_DATA_DIR into $GAZETTE_BACKUP_DIR
// npm run restore -- <backup folder>  restore into $GAZETTE_DATA_DIR, which must be empty
//
//   GAZETTE_BACKUP_DIR   where backups go (default: ./backups)
//   GAZETTE_BACKUP_KEEP  how many to keep (default: 7)
import path from 'node:path';
import { getDataDir } from '../platform/paths';
import { backup, restore } from './backup';

async function main(): Promise<void> {
  const [command, arg] = process.argv.slice(2);
  if (command === 'backup') {
    const backupRoot = path.resolve(process.env.GAZETTE_BACKUP_DIR || 'backups');
    const keep = Number(process.env.GAZETTE_BACKUP_KEEP || 7);
    if (!Number.isInteger(keep) || keep < 1) throw new Error('GAZETTE_BACKUP_KEEP must be a whole number of at least 1');
    const result = await backup({ backupRoot, keep });
    console.log(
      `backup: ${result.dir} (database ${(result.databaseBytes / 1e6).toFixed(1)} MB, ` +
        `${result.mediaFiles} media files, integrity ${result.integrity})` +
        (result.removed.length ? `; removed ${result.removed.length} older backup(s)` : ''),
    );
  } else if (command === 'restore') {
    if (!arg) throw new Error('Usage: npm run restore -- <backup folder>');
    const dataDir = getDataDir();
    const { mediaFiles } = restore({ backupDir: path.resolve(arg), dataDir });
    console.log(`restore: ${arg} → ${dataDir} (${mediaFiles} media files). Start the site as usual.`);
  } else {
    throw new Error('Usage: backup-cli.ts backup | restore <folder>');
  }
}

main().catch((error: unknown) => {
  console.error(`${process.argv[2] ?? 'backup'} failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
