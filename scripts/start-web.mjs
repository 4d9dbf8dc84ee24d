// `npm run start:web`: build, then start the browser host. `--new-link` only asks the running
// host for a fresh address, so it builds nothing (a build would replace the files that host serves).
import { spawn, spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
if (!args.includes('--new-link')) {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const child = spawn(process.execPath, ['dist/main/web.js', ...args], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
