// `npm start`: build, then open the desktop app. Where the Electron binary is missing (it cannot
// be downloaded on some machines) or there is no display, say so in one line and start the
// browser host instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

if (process.argv.includes('--new-link')) {
  // Only asks the running browser host for a fresh address: nothing to build or open.
  const child = spawnSync(process.execPath, ['dist/main/web.js', ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}
const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

function electronBinary() {
  try {
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function hasDisplay() {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

const binary = electronBinary();
const args = process.argv.slice(2);
let child;
if (binary && hasDisplay()) {
  child = spawn(binary, ['.', ...args], { stdio: 'inherit' });
} else {
  const why = binary ? 'there is no display' : "Electron's binary is not installed (it could not be downloaded)";
  process.stdout.write(`Silo cannot open its window here: ${why}. Starting the browser host instead.\n`);
  child = spawn(process.execPath, ['dist/main/web.js', ...args], { stdio: 'inherit' });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
