// Builds the stage and phone/console apps with Vite when their dist/ is missing or older than their sources.
// `npm start` runs it first (prestart), so a fresh clone serves the real apps; `--force` always rebuilds.
import { spawnSync } from 'node:child_process';
import process from 'node:process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const apps = ['stage-screen', 'mobile-client'];
const force = process.argv.includes('--force');

/** Newest modification time below dir (skipping node_modules and dist). */
function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return t;
}

let failed = false;
for (const app of apps) {
  const dir = path.join(root, app);
  if (!existsSync(path.join(dir, 'vite.config.ts'))) continue;
  const stamp = path.join(dir, 'dist', 'index.html');
  const sources = Math.max(newest(dir), newest(path.join(root, 'shared', 'src')));
  if (!force && existsSync(stamp) && statSync(stamp).mtimeMs >= sources) continue;
  process.stdout.write(`Building ${app}…\n`);
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: dir, stdio: 'inherit' });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
