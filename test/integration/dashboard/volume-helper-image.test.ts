// Issue 17, volumes: on an engine with no image at all, Silo cannot make the helper container that
// reads a volume (it never pulls one), and says so in plain words, leaving nothing behind; the
// moment an image is there, the same call works and names the image it used. Helpers left
// behind by a Silo that was killed are removed when Silo next connects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_IMAGE, TestEngine } from '../../support/test-engine';
import { startHarness, type Harness, type Page } from './harness';

const engine = new TestEngine(undefined, { importImage: false });
let silo: Harness;
let page: Page;

beforeAll(async () => {
  await engine.start();
  await engine.docker(['volume', 'create', 'bare']);
  silo = await startHarness(engine.dockerHost);
  page = silo.page();
}, 120_000);

afterAll(async () => {
  await silo?.close();
  await engine.destroy();
});

describe('the helper image', () => {
  it('is refused in plain words when the engine has no image, and named once it has one', async () => {
    expect(await engine.docker(['images', '-q'])).toBe('');
    expect(await page.failure('volumes.browse', { name: 'bare', path: '' })).toMatchObject({ code: 'no-helper-image' });
    expect(await page.failure('volumes.download', { name: 'bare', path: '' })).toMatchObject({ code: 'no-helper-image' });
    expect(await engine.docker(['ps', '-aq'])).toBe('');

    await engine.importBusybox();
    const listing = await page.call('volumes.browse', { name: 'bare', path: '' });
    expect(listing).toMatchObject({ entries: [], helperImage: TEST_IMAGE });
    expect(await engine.docker(['ps', '-aq'])).toBe('');
  });

  it('removes helpers a killed Silo left behind when it connects, and nothing else', async () => {
    const left = await engine.docker([
      'create',
      '--network',
      'none',
      '--label',
      'org.silo.helper=volume-files',
      '-v',
      'bare:/silo-volume:ro',
      TEST_IMAGE,
      'true',
    ]);
    const other = await engine.docker(['create', '--network', 'none', '--label', 'org.silo.helper=something-else', TEST_IMAGE, 'true']);
    const next = await startHarness(engine.dockerHost);
    try {
      for (let i = 0; i < 100 && (await engine.docker(['ps', '-aq', '--no-trunc'])).includes(left); i++) await new Promise((r) => setTimeout(r, 100));
      const remaining = await engine.docker(['ps', '-aq', '--no-trunc']);
      expect(remaining).not.toContain(left);
      expect(remaining).toContain(other);
    } finally {
      await next.close();
      await engine.docker(['rm', '-f', other]);
    }
  });
});
