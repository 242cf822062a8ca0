/**
 * What `npm start` and `npm run build` agree on: which files a build is made from, and where the
 * stamp of a finished build lives. Plain JavaScript, so it runs before anything is compiled.
 */
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');
export const dist = path.join(root, 'dist');
/** Written last by `npm run build`: a build that stopped half-way has none and counts as missing. */
export const stampFile = path.join(dist, 'build.json');

const sourceDirs = ['src'];
const sourceFiles = [
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'vite.config.ts',
];

function newestIn(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    // Tests are not part of the build; editing one must not trigger a rebuild.
    if (!entry.isFile() || entry.name.endsWith('.test.ts')) continue;
    newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Modification time of the newest source file the build is made from. */
export function newestSource() {
  let newest = 0;
  for (const dir of sourceDirs) newest = Math.max(newest, newestIn(path.join(root, dir)));
  for (const file of sourceFiles) {
    const full = path.join(root, file);
    if (fs.existsSync(full)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Why a build is needed, or null when dist/ is complete and newer than every source. */
export function buildNeeded() {
  if (!fs.existsSync(stampFile)) return 'missing';
  return fs.statSync(stampFile).mtimeMs >= newestSource() ? null : 'outdated';
}
