/**
 * Backup and restore of a whole installation (see backup.format.ts for the file format):
 *   backup.format.ts    format, header and record types, errors, reading the lines of a backup
 *   backup.database.ts  tables in foreign-key order, applied and shipped migrations
 *   backup.verify.ts    checking a whole file before anything is written
 *   backup.create.ts    createBackup
 *   backup.restore.ts   restoreBackup: rows in one transaction, files staged and swapped in after
 */

export { type BackupSummary, createBackup } from './backup.create.js';
export { codeMigrations } from './backup.database.js';
export {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  BackupFileError,
  type BackupHeader,
  type BackupMigration,
  type BackupTable,
  readBackupHeader,
} from './backup.format.js';
export { type RestoreSummary, restoreBackup } from './backup.restore.js';
export { verifyBackup } from './backup.verify.js';
