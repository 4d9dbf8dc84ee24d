// Renders assets/tray-*.svg to the tray's PNGs (16 px and @2x 32 px) with headless Chromium, so
// the icons are made from their sources: `node scripts/render-tray-icons.mjs`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const STATES = ['connected', 'reconnecting', 'unreachable'];
const SIZES = [
  [16, ''],
  [32, '@2x'],
];
const chromium = process.env.CHROMIUM ?? 'chromium';
const assets = resolve('assets');
const work = mkdtempSync(join(tmpdir(), 'silo-tray-icons-'));
try {
  for (const state of STATES) {
    const svg = readFileSync(join(assets, `tray-${state}.svg`), 'utf8').replace(/width="32" height="32"/, 'width="100%" height="100%"');
    for (const [size, suffix] of SIZES) {
      const page = join(work, `${state}-${size}.html`);
      writeFileSync(
        page,
        `<!doctype html><html><body style="margin:0;background:transparent"><div style="width:${size}px;height:${size}px">${svg}</div></body></html>`,
      );
      const out = join(assets, `tray-${state}${suffix}.png`);
      const result = spawnSync(
        chromium,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--hide-scrollbars',
          '--default-background-color=00000000',
          `--window-size=${size},${size}`,
          `--screenshot=${out}`,
          pathToFileURL(page).toString(),
        ],
        { encoding: 'utf8' },
      );
      if (result.status !== 0) throw new Error(`chromium failed for ${out}: ${result.stderr}`);
      process.stdout.write(`${out}\n`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
