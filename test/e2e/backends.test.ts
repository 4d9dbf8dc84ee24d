// A person at the browser host changes the engine's default runtime in Engine settings, against a private
// engine of this file's own (the shared e2e engine keeps its default): gVisor becomes the default,
// the Engine view shows it, a container created without a runtime runs under gVisor; then back to
// runc, a weaker boundary the person must tick first. The daemon.json editor (CodeMirror, lazily
// loaded) refuses a bad file before anything is written, shows each weakening typed into it with
// its own checkbox and offers Apply only once every one is ticked (issue 12 item 5), marks Silo's
// problems in the text, is used by keyboard alone, and breaks no CSP rule.
import { readFileSync } from 'node:fs';
import { release } from 'node:os';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startBrowserHost, type RunningHost } from '../support/browser-host';
import { TEST_IMAGE, TestEngine } from '../support/test-engine';

const engine = new TestEngine();
let host: RunningHost;
let browser: Browser;

beforeAll(async () => {
  await engine.start();
  host = await startBrowserHost(engine.env());
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await engine.destroy();
});

// What the page's CSP refused: securitypolicyviolation events, and console errors naming it.
const refusals = new WeakMap<Page, string[]>();

async function openBackends(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const refused: string[] = [];
  refusals.set(page, refused);
  await page.exposeFunction('siloCspRefused', (what: string) => refused.push(what));
  await page.addInitScript({
    content: "document.addEventListener('securitypolicyviolation', (e) => window.siloCspRefused('event: ' + e.violatedDirective + ' ' + e.sample));",
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && /content security policy/i.test(m.text())) refused.push(`console: ${m.text()}`);
  });
  await page.goto(await host.newLink());
  await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 10_000 }).toMatch(/Connected/);
  await page.getByRole('navigation').getByRole('button', { name: 'Engine settings', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Engine settings' }).waitFor();
  return page;
}

/** The editor's text, line by line as it shows (the files here are short: every line is drawn). */
const editorText = async (editor: Locator): Promise<string> => (await editor.locator('.cm-line').allTextContents()).join('\n');

/** Replaces the whole text from the keyboard: select all, delete, then the new text as typed input. */
async function typeInto(editor: Locator, text: string): Promise<void> {
  await editor.focus();
  await editor.page().keyboard.press('ControlOrMeta+A');
  await editor.page().keyboard.press('Delete');
  await editor.page().keyboard.insertText(text);
  await expect.poll(() => editorText(editor)).toBe(text);
}

const defaultIsolation = (page: Page) => page.getByRole('region', { name: 'Default isolation' });
const uname = () => engine.docker(['run', '--rm', '--network', 'none', TEST_IMAGE, 'uname', '-r']);
const onDisk = () => JSON.parse(readFileSync(engine.configFile, 'utf8')) as Record<string, unknown>;

/** Picks a runtime and applies it; a weaker one (`weakening`) must be ticked first, by keyboard. */
async function chooseDefault(page: Page, runtime: string, weakening?: RegExp): Promise<void> {
  const section = defaultIsolation(page);
  await section.getByRole('radio', { name: new RegExp(`^${runtime}\\b`) }).check();
  const apply = section.getByRole('button', { name: 'Apply', exact: true });
  if (weakening) {
    const box = section.getByRole('checkbox', { name: weakening });
    await box.waitFor();
    expect(await section.getByRole('group', { name: "This change weakens the engine's protection" }).isVisible()).toBe(true);
    expect(await apply.isDisabled()).toBe(true);
    await box.focus();
    await page.keyboard.press('Space');
    expect(await box.isChecked()).toBe(true);
  } else {
    expect(await section.getByRole('checkbox').count()).toBe(0);
  }
  await expect.poll(() => apply.isDisabled()).toBe(false);
  await apply.click();
  // The file first: an earlier apply's "Applied and verified" may still be on screen.
  await expect.poll(() => onDisk()['default-runtime'], { timeout: 20_000 }).toBe(runtime);
  await expect.poll(() => section.getByRole('status').textContent(), { timeout: 20_000 }).toMatch(/Applied and verified/);
}

async function engineViewDefault(page: Page): Promise<string | null> {
  await page.getByRole('navigation').getByRole('button', { name: 'Engine', exact: true }).click();
  return page
    .locator('.fact', { has: page.getByText('Default runtime', { exact: true }) })
    .locator('dd')
    .textContent();
}

describe('Engine settings: the default runtime', () => {
  it('a person makes gVisor the default, the Engine view shows it, a new container runs under it; then back to runc', async () => {
    expect(await uname()).toBe(release());
    const page = await openBackends();
    const section = defaultIsolation(page);
    await expect.poll(() => section.getByRole('radio', { name: /^runc\b/ }).isChecked(), { timeout: 10_000 }).toBe(true);

    await chooseDefault(page, 'runsc');
    expect(onDisk()['default-runtime']).toBe('runsc');
    await expect.poll(() => engineViewDefault(page), { timeout: 10_000 }).toBe('runsc');
    expect(await uname()).toBe('4.4.0');

    await page.getByRole('navigation').getByRole('button', { name: 'Engine settings', exact: true }).click();
    // gVisor → runc is a weaker boundary: the person sees it and ticks it before Apply.
    await chooseDefault(page, 'runc', /^New containers get runc instead of runsc: a weaker boundary/);
    expect(onDisk()['default-runtime']).toBe('runc');
    await expect.poll(() => engineViewDefault(page), { timeout: 10_000 }).toBe('runc');
    expect(await uname()).toBe(release());
    await page.close();
  });

  it('the daemon.json editor shows problems as typed, with line and column, and writes nothing while they stand', async () => {
    const before = readFileSync(engine.configFile);
    const page = await openBackends();
    const editorSection = page.getByRole('region', { name: 'Configuration file (daemon.json)' });
    const editor = editorSection.getByRole('textbox', { name: /^Contents of/ });
    await expect.poll(() => editorText(editor), { timeout: 10_000 }).toBe(before.toString('utf8'));
    const apply = editorSection.getByRole('button', { name: 'Apply', exact: true });

    await typeInto(editor, '{\n  "runtimes": {\n    "runsc": {"path": "/usr/bin/runsc", "runtimeArgs": ["--network=none"]},\n  }\n}\n');
    await expect.poll(() => editorSection.textContent()).toMatch(/Line 4, column 3.*This is not valid JSON here/);
    expect(await apply.isDisabled()).toBe(true);

    await typeInto(editor, '{\n  "default-runtme": "runsc",\n  "runtimes": {\n    "kata": {"path": "/usr/bin/no-such-kata"}\n  }\n}\n');
    await expect.poll(() => editorSection.textContent()).toMatch(/Line 2, column 3.*"default-runtme" is not an option the engine knows/);
    // The binary on disk is checked by Silo itself a moment after typing stops.
    await expect
      .poll(() => editorSection.textContent(), { timeout: 10_000 })
      .toMatch(/Line 4, column \d+.*points at \/usr\/bin\/no-such-kata, which is not a program/);
    await expect.poll(() => editorSection.textContent()).toMatch(/default-runtme added: "runsc"/);
    expect(await apply.isDisabled()).toBe(true);
    expect(readFileSync(engine.configFile).equals(before)).toBe(true);

    await editorSection.getByRole('button', { name: 'Discard my edits' }).click();
    await expect.poll(() => editorText(editor)).toBe(before.toString('utf8'));
    expect(refusals.get(page)).toEqual([]);
    await page.close();
  });

  it('a weakening typed into the file is shown with a checkbox each, and Apply waits until every one is ticked', async () => {
    const before = readFileSync(engine.configFile, 'utf8');
    const page = await openBackends();
    const editorSection = page.getByRole('region', { name: 'Configuration file (daemon.json)' });
    const editor = editorSection.getByRole('textbox', { name: /^Contents of/ });
    await expect.poll(() => editorText(editor), { timeout: 10_000 }).toBe(before);
    const apply = editorSection.getByRole('button', { name: 'Apply', exact: true });

    const weakened = JSON.stringify({ ...JSON.parse(before), 'api-cors-header': '*', 'insecure-registries': ['0.0.0.0/0'] }, null, 2) + '\n';
    await typeInto(editor, weakened);
    const group = editorSection.getByRole('group', { name: "This change weakens the engine's protection" });
    await group.waitFor();
    const cors = group.getByRole('checkbox', { name: /any web page you open may call the engine from your browser, and the engine is root/ });
    const registries = group.getByRole('checkbox', { name: /"0\.0\.0\.0\/0" in "insecure-registries" lets nearly every registry be reached without TLS/ });
    expect(await group.getByRole('checkbox').count()).toBe(2);
    expect(await apply.isDisabled()).toBe(true);

    await cors.click();
    expect(await cors.isChecked()).toBe(true);
    expect(await apply.isDisabled()).toBe(true);
    // The second by keyboard alone: Tab from the first, Space.
    await cors.focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate("document.activeElement?.closest('label')?.textContent ?? ''")).toMatch(/insecure-registries/);
    await page.keyboard.press('Space');
    expect(await registries.isChecked()).toBe(true);
    await expect.poll(() => apply.isDisabled()).toBe(false);
    // Unticking one takes Apply away again; nothing was written meanwhile.
    await cors.click();
    await expect.poll(() => apply.isDisabled()).toBe(true);
    expect(readFileSync(engine.configFile, 'utf8')).toBe(before);
    await cors.click();
    await expect.poll(() => apply.isDisabled()).toBe(false);

    await apply.click();
    await expect.poll(() => editorSection.getByRole('status').last().textContent(), { timeout: 20_000 }).toMatch(/Applied and verified/);
    expect(onDisk()).toMatchObject({ 'api-cors-header': '*', 'insecure-registries': ['0.0.0.0/0'] });
    // The file on disk has them now: applying it again with no change asks for nothing.
    await expect.poll(() => editorText(editor), { timeout: 10_000 }).toBe(weakened);
    expect(await editorSection.getByRole('checkbox').count()).toBe(0);

    // Taking them away needs no acknowledgement.
    const restored = JSON.stringify({ ...JSON.parse(before), 'insecure-registries': [] }, null, 2) + '\n';
    await typeInto(editor, restored);
    await expect.poll(() => apply.isDisabled()).toBe(false);
    expect(await editorSection.getByRole('checkbox').count()).toBe(0);
    await apply.click();
    await expect.poll(() => editorSection.getByRole('status').last().textContent(), { timeout: 20_000 }).toMatch(/Applied and verified/);
    expect(onDisk()['api-cors-header']).toBeUndefined();
    expect(refusals.get(page)).toEqual([]);
    await page.close();
  });

  it('the editor marks a problem at its line, is used by keyboard alone, and the CSP refuses nothing', async () => {
    const before = readFileSync(engine.configFile);
    const page = await openBackends();
    const editorSection = page.getByRole('region', { name: 'Configuration file (daemon.json)' });
    const editor = editorSection.getByRole('textbox', { name: /^Contents of/ });
    await expect.poll(() => editorText(editor), { timeout: 10_000 }).toBe(before.toString('utf8'));
    // CodeMirror's own <style> element would be refused here; its styles are in the page instead
    // (a constructed stylesheet): CodeMirror's layout, Silo's colours.
    expect(refusals.get(page)).toEqual([]);
    const look = (await page.evaluate(`(() => {
      const root = document.querySelector('.cm-editor');
      const probe = document.body.appendChild(document.createElement('span'));
      probe.style.color = 'var(--accent)';
      const accent = getComputedStyle(probe).color;
      probe.remove();
      const key = [...document.querySelectorAll('.cm-line span')].find((s) => s.textContent.startsWith('"'));
      return { display: getComputedStyle(root).display, keyColour: key ? getComputedStyle(key).color : null, accent, styleElements: document.querySelectorAll('style').length };
    })()`)) as { display: string; keyColour: string | null; accent: string; styleElements: number };
    expect(look).toEqual({ display: 'flex', keyColour: look.accent, accent: expect.any(String), styleElements: 0 });
    expect(await editor.getAttribute('aria-describedby')).toMatch(/\S+ \S+/);
    await expect.poll(() => editorSection.getByText(/^Tab and Shift\+Tab move to the next/).isVisible()).toBe(true);

    // A trailing comma: the page marks the brace after it, on line 4, and nowhere else.
    await typeInto(editor, '{\n  "runtimes": {\n    "runsc": {"path": "/usr/bin/runsc"},\n  }\n}\n');
    const marks = editor.locator('.cm-lintRange-error');
    await expect.poll(() => marks.count()).toBe(1);
    expect(await editor.locator('.cm-line').nth(3).locator('.cm-lintRange-error').textContent()).toBe('}');
    expect(await editor.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.cm-lineNumbers .cm-gutterElement', { hasText: /^4$/ }).count()).toBe(1);
    await expect.poll(() => editorSection.textContent()).toMatch(/Line 4, column 3.*This is not valid JSON here/);
    const apply = editorSection.getByRole('button', { name: 'Apply', exact: true });
    expect(await apply.isDisabled()).toBe(true);

    // Go to the problem from the list: the caret lands in the editor.
    await editorSection.getByRole('button', { name: 'Go to line 4' }).click();
    expect(await page.evaluate("document.activeElement?.classList.contains('cm-content')")).toBe(true);

    // Fixed by keyboard: the end of line 3, one Backspace. The mark goes, Apply is offered.
    const keys = page.keyboard;
    await keys.press('ControlOrMeta+Home');
    await keys.press('ArrowDown');
    await keys.press('ArrowDown');
    await keys.press('End');
    await keys.press('Backspace');
    await expect.poll(() => marks.count()).toBe(0);
    expect(await editorText(editor)).toBe('{\n  "runtimes": {\n    "runsc": {"path": "/usr/bin/runsc"}\n  }\n}\n');
    expect(await editor.getAttribute('aria-invalid')).toBe('false');
    await expect.poll(() => apply.isDisabled()).toBe(false);

    // Undo brings the comma and its mark back; redo takes them away again.
    await keys.press('ControlOrMeta+z');
    await expect.poll(() => marks.count()).toBe(1);
    await keys.press('ControlOrMeta+y');
    await expect.poll(() => marks.count()).toBe(0);

    // Bracket matching: the caret after the first brace lights it and the last one.
    await keys.press('ControlOrMeta+Home');
    await keys.press('ArrowRight');
    await expect.poll(() => editor.locator('.cm-matchingBracket').allTextContents()).toEqual(['{', '}']);

    // Tab does not trap focus: it leaves the editor for the next control, Shift+Tab comes back.
    await keys.press('Tab');
    expect(await page.evaluate("Boolean(document.activeElement?.closest('.cm-editor'))")).toBe(false);
    expect(await editorText(editor)).toBe('{\n  "runtimes": {\n    "runsc": {"path": "/usr/bin/runsc"}\n  }\n}\n');
    await keys.press('Shift+Tab');
    expect(await page.evaluate("document.activeElement?.classList.contains('cm-content')")).toBe(true);

    await editorSection.getByRole('button', { name: 'Discard my edits' }).click();
    await expect.poll(() => editorText(editor)).toBe(before.toString('utf8'));
    expect(readFileSync(engine.configFile).equals(before)).toBe(true);
    expect(refusals.get(page)).toEqual([]);
    await page.close();
  });
});
