// A volume with what makes browsing and copying hard: nested folders, relative and absolute
// symlinks, a hard link, odd names (spaces, quotes, UTF-8, a tab, a leading dash), owners and
// modes other than root's 0644, old times, a binary file, a 2 MiB file and a folder of 10,000
// files. Written by a throwaway busybox container; `tarOf` reads a volume the way the CLI would
// (`docker run --rm -v vol:/v <image> tar c -C /v .`).
import { spawn } from 'node:child_process';
import { TEST_IMAGE, type TestEngine } from './test-engine';

export const MANY = 10_000;
export const ODD_NAMES = ['odd name ü.txt', `quote'"x`, 'tab\tname', '-dash', '#hash %20'];

const SCRIPT = `
set -e
b=busybox
cd /v
$b mkdir -p a/b/c many empty
echo deep > a/b/c/deep.txt
echo hello > hello.txt
$b printf 'bin\\000ary\\001' > binary.bin
$b dd if=/dev/zero bs=1024 count=2048 2>/dev/null | $b tr '\\000' 'a' > big.txt
echo odd > 'odd name ü.txt'
echo odd > "quote'\\"x"
echo odd > "$($b printf 'tab\\tname')"
echo odd > ./-dash
echo odd > '#hash %20'
$b ln -s a/b link
$b ln -s /etc abs
$b ln -s ../.. a/b/up
$b ln hello.txt hard.txt
echo owned > owned.txt
$b chown 1234:5678 owned.txt
$b chmod 4750 owned.txt
$b chmod 1777 empty
$b touch -t 200102030405.06 owned.txt
i=0; while [ $i -lt ${MANY} ]; do : > many/f$i; i=$((i+1)); done
`;

export async function fillVolume(engine: TestEngine, volume: string): Promise<void> {
  await engine.docker(['volume', 'create', volume]);
  await engine.docker(['run', '--rm', '--network', 'none', '-v', `${volume}:/v`, TEST_IMAGE, 'sh', '-c', SCRIPT]);
}

/** A command's whole stdout as bytes. */
export function dockerBytes(engine: TestEngine, args: string[], input?: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('docker', args, { env: engine.env() });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(out)) : reject(new Error(`docker ${args.join(' ')}: ${err.trim()}`))));
    if (input) child.stdin.end(input);
    else child.stdin.end();
  });
}

/** The volume as the CLI's tar gives it. */
export function tarOf(engine: TestEngine, volume: string): Promise<Buffer> {
  return dockerBytes(engine, ['run', '--rm', '--network', 'none', '-v', `${volume}:/v:ro`, TEST_IMAGE, 'busybox', 'tar', 'c', '-C', '/v', '.']);
}

/** Silo's helper containers still on the engine. */
export async function helpersLeft(engine: TestEngine): Promise<string> {
  return engine.docker(['ps', '-aq', '--filter', 'label=org.silo.helper']);
}
