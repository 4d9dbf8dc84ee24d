// `npm run package`: builds the installers of electron-builder.yml into release/. The update feed
// is added only when SILO_UPDATE_URL names one; nothing is ever uploaded from here.
// `--linux` or `--win` builds only that platform's targets (default: this machine's platform).
// It needs Electron's binary download: where that host cannot be reached, it fails there.
import { readFileSync } from 'node:fs';
import { build } from 'electron-builder';
import yaml from 'js-yaml';
import { updateFeed } from './update-feed.mjs';

const config = yaml.load(readFileSync('electron-builder.yml', 'utf8'));
const feed = updateFeed(process.env);
if (feed) config.publish = feed;

const args = process.argv.slice(2);
const platforms = {};
if (args.includes('--linux')) platforms.linux = [];
if (args.includes('--win')) platforms.win = [];

process.stdout.write(feed ? `Auto-update feed: ${feed.url}\n` : 'No SILO_UPDATE_URL: this build does not update itself.\n');
try {
  const artifacts = await build({ config, publish: 'never', ...platforms });
  for (const artifact of artifacts) process.stdout.write(`${artifact}\n`);
} catch (error) {
  process.stderr.write(`Packaging failed: ${error?.message ?? error}\n`);
  if (/electron.*(download|ENOTFOUND|ECONNREFUSED|getaddrinfo)/i.test(String(error?.message ?? '')))
    process.stderr.write("Electron's binary could not be downloaded: this machine cannot reach its download host.\n");
  process.exit(1);
}
