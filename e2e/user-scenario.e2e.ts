// The product as a marketplace user meets it: install the .vsix into a fresh code-server profile, open the
// samples, fix a known error, complete and hover, preview, get refused, start a trial, render.
// Only code-server and the licensing Worker are started here: the extension starts its render host itself.
// Steps run in order; a step whose predecessor failed fails with "not run", so the first failure is the story.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatTimecode } from '../core';
import { LSP_CLIENT_COMMANDS } from '../protocol/lsp';
import { startCodeServer, type CodeServer } from '../scripts/e2e/code-server';
import { startLicensingWorker, type LicensingWorker } from '../scripts/e2e/licensing-worker';
import { Workbench, selectors, expectVisible, eventually, StepError } from '../scripts/e2e/workbench';
import { installedExtensionDir, vsixUnderTest } from './support/vsix';
import { prepareSamplesWorkspace } from './support/workspace';
import { pickScenarioTimelines, type ScenarioTimelines } from './support/scenario-timelines';

const PREVIEW_FRAME_WIDTH = 320;

describe('a user installs the .vsix and edits, previews and renders a timeline', () => {
  let worker: LicensingWorker | undefined;
  let workspace: { folder: string; dispose(): void } | undefined;
  let server: CodeServer | undefined;
  let wb: Workbench;
  let scenario: ScenarioTimelines;
  let failedStep: string | undefined;
  const commandLabels = new Map<string, string>();

  /** Runs a step; later steps report which earlier step stopped them. A screenshot is kept either way. */
  async function step(name: string, body: () => Promise<void>): Promise<void> {
    if (failedStep) assert.fail(`not run: step "${failedStep}" failed`);
    try {
      await body();
      await wb?.screenshot(name.replace(/\W+/g, '-').toLowerCase()).catch(() => undefined);
    } catch (error) {
      failedStep = name;
      await wb?.screenshot(`FAILED-${name.replace(/\W+/g, '-').toLowerCase()}`).catch(() => undefined);
      throw error;
    }
  }

  function label(command: string): string {
    const found = commandLabels.get(command);
    if (!found) throw new StepError('command palette', `package.json of the installed extension contributes no command ${command}`);
    return found;
  }

  async function clearNotifications(): Promise<void> {
    await wb.runCommand('Notifications: Clear All Notifications');
  }

  before(async () => {
    wb = await Workbench.launch('user-scenario');
  });

  after(async () => {
    await wb?.close();
    await server?.stop();
    await worker?.stop();
    workspace?.dispose();
  });

  it('1. packages the .vsix, installs it in a fresh profile, starts code-server and the licensing Worker', async () => {
    await step('install', async () => {
      const vsix = vsixUnderTest();
      worker = await startLicensingWorker();
      workspace = prepareSamplesWorkspace();
      scenario = await pickScenarioTimelines(workspace.folder);
      server = await startCodeServer({
        vsix: [vsix],
        userSettings: {
          'atropos.licensing.apiBaseUrl': worker.url,
          'atropos.preview.frameWidth': PREVIEW_FRAME_WIDTH,
          'files.autoSave': 'off',
        },
      });
      const manifest = JSON.parse(readFileSync(join(installedExtensionDir(server.extensionsDir), 'package.json'), 'utf8')) as {
        contributes?: { commands?: Array<{ command: string; title: string; category?: string }> };
      };
      for (const c of manifest.contributes?.commands ?? []) commandLabels.set(c.command, c.category ? `${c.category}: ${c.title}` : c.title);
      await wb.open(server.folderUrl(workspace.folder));
    });
  });

  it('2a. a known error shows a squiggle, a Problems entry and a quick fix that removes it', async () => {
    await step('known error', async () => {
      const { knownError } = scenario;
      await wb.quickOpen(knownError.name);
      await expectVisible(wb.page.locator(selectors.squiggleError), 'known error', `an error squiggle under "${knownError.misspelled}" (language server diagnostics)`, 30_000);
      const problems = await wb.problems('known error');
      const entry = problems.find((p) => p.includes(`unknown asset "${knownError.misspelled}"`));
      assert.ok(entry, `Problems panel has no "unknown asset" entry: ${JSON.stringify(problems)}`);
      assert.match(entry, new RegExp(`Ln ${knownError.line}, Col ${knownError.column}\\b`), 'the Problems entry points at the misspelled id');

      await wb.goTo(knownError.line, knownError.column + 1);
      await wb.page.keyboard.press('Control+.');
      const fix = wb.page.locator('.action-widget .monaco-list-row', { hasText: `Change to "${knownError.fixedTo}"` });
      await expectVisible(fix, 'quick fix', `a quick fix "Change to \\"${knownError.fixedTo}\\"" in the Ctrl+. menu`);
      await fix.first().click();
      await eventually(async () => ((await wb.page.locator(`${selectors.activeEditor} .squiggly-error`).count()) === 0 ? true : undefined),
        'quick fix', 'the squiggle to go after applying the quick fix');
      assert.match(await wb.editorText(), new RegExp(`asset:\\s*${knownError.fixedTo}\\b`));
    });
  });

  it('2b. typing "asset: " offers the asset ids', async () => {
    await step('completion', async () => {
      const { knownError, clean } = scenario;
      await wb.goTo(knownError.line, knownError.column);
      await wb.page.keyboard.press('Shift+End');
      await wb.page.keyboard.press('Backspace');
      await wb.page.keyboard.type(' ');
      await wb.page.keyboard.press('Control+Space');
      const rows = wb.page.locator(selectors.suggestRow);
      await expectVisible(rows, 'completion', 'the completion list after "asset: "');
      const offered = await eventually(async () => {
        const texts = await rows.allInnerTexts();
        return clean.assets.every((id) => texts.some((t) => t.split('\n')[0]?.trim() === id || t.includes(id))) ? texts : undefined;
      }, 'completion', `every asset id (${clean.assets.join(', ')}) in the completion list`);
      assert.ok(offered.length >= clean.assets.length);
      await wb.page.keyboard.press('Escape');
      await wb.page.keyboard.type(knownError.fixedTo);
    });
  });

  it('2c. hovering a clip shows its computed timecode', async () => {
    await step('hover', async () => {
      const { clean, clip } = scenario;
      await wb.quickOpen(clean.name);
      await wb.goTo(clip.assetLine, clip.assetColumn + 1);
      await wb.runCommand('Show or Focus Hover');
      const hover = wb.page.locator(selectors.hover);
      const { fps, dropFrame } = clean.compiled.output;
      const expected = `${formatTimecode(clip.compiled.start, fps, dropFrame)} → ${formatTimecode(clip.compiled.start + clip.compiled.duration, fps, dropFrame)}`;
      await expectVisible(hover.filter({ hasText: expected }), 'hover', `a hover with the clip's timecode "${expected}"`);
      await wb.page.keyboard.press('Escape');
    });
  });

  it('3. Open Preview to the Side: lanes, clip blocks, click-to-select and a decoded frame of the right size', async () => {
    await step('preview', async () => {
      const { clean, clip } = scenario;
      await wb.runCommand(label(LSP_CLIENT_COMMANDS.openPreviewToSide));
      const view = wb.webview();
      await expectVisible(view.locator('.lane'), 'preview', 'track lanes in the preview webview', 30_000);
      assert.equal(await view.locator('.lane').count(), clean.compiled.tracks.length, 'one lane per track');
      const clipCount = clean.compiled.tracks.flatMap((t) => t.items).filter((i) => 'name' in i).length;
      assert.equal(await view.locator('.item.clip').count(), clipCount, 'one block per clip');

      await wb.page.keyboard.press('Control+Home').catch(() => undefined);
      const block = view.locator(`.item.clip[data-clip-id="${clip.compiled.id}"]`);
      await expectVisible(block, 'preview', `a clip block for ${clip.compiled.id}`);
      await block.first().click();
      const firstLine = clip.compiled.range.start.line + 1;
      const lastLine = clip.compiled.range.end.line + 1;
      await eventually(async () => {
        const at = await wb.cursorPosition();
        return at && at.line >= firstLine && at.line <= lastLine ? at : undefined;
      }, 'preview', `the editor selection to move to the clip (lines ${firstLine}–${lastLine}) after clicking its block`);

      const expectedHeight = Math.round((PREVIEW_FRAME_WIDTH * clean.compiled.output.height) / clean.compiled.output.width);
      const size = await eventually(async () => {
        const s = await view.locator('#frame-image').evaluate(async (img: HTMLImageElement) => {
          if (!img.complete || img.naturalWidth === 0) return undefined;
          await img.decode();
          return { width: img.naturalWidth, height: img.naturalHeight };
        });
        return s ?? undefined;
      }, 'preview', 'a decoded frame image in the preview', 30_000);
      assert.equal(size.width, PREVIEW_FRAME_WIDTH);
      assert.ok(Math.abs(size.height - expectedHeight) <= 1, `frame height ${size.height}, expected about ${expectedHeight}`);
    });
  });

  it('3b. the preview comes back after a reload (serializer)', async () => {
    await step('preview restore', async () => {
      // As a user reloads: the workbench shuts down in order and saves its editor layout first
      // (a raw page reload can cut that save short, and then nothing is there to restore).
      const reloaded = wb.page.waitForEvent('load', { timeout: 60_000 });
      wb.page.once('dialog', (dialog) => void dialog.accept());
      await wb.runCommand('Developer: Reload Window');
      await reloaded;
      await expectVisible(wb.page.locator(selectors.workbench), 'preview restore', 'the workbench after reload', 60_000);
      await expectVisible(wb.webview().locator('.lane'), 'preview restore', 'the preview lanes restored after a reload', 45_000);
    });
  });

  it('4a. a final render without an entitlement is refused with licensing actions', async () => {
    await step('render refused', async () => {
      await clearNotifications();
      await wb.quickOpen(scenario.clean.name);
      await wb.runCommand(label(LSP_CLIENT_COMMANDS.render));
      const toast = wb.page.locator(selectors.notificationToast).filter({ has: wb.page.locator('.monaco-button', { hasText: 'Start Free Trial' }) });
      await expectVisible(toast, 'render refused', 'a refusal notification with a "Start Free Trial" button', 60_000);
      assert.ok((await toast.first().locator('.monaco-button', { hasText: 'Enter License Key' }).count()) > 0, 'no "Enter License Key" button on the refusal');
      assert.equal(existsSync(scenario.clean.compiled.output.path), false, 'a refused render left a file at the output path');
    });
  });

  it('4b. Start Free Trial against the local Worker, render again, follow the progress to completion', async () => {
    await step('trial and render', async () => {
      const trialButton = wb.page.locator(`${selectors.notificationToast} .monaco-button`, { hasText: 'Start Free Trial' });
      await trialButton.first().click();
      await wb.waitForNotification(/trial is active/i, 'start trial', 30_000);
      await clearNotifications();
      await wb.quickOpen(scenario.clean.name);
      await wb.runCommand(label(LSP_CLIENT_COMMANDS.render));
      await wb.waitForNotification(/Rendering /, 'render progress', 30_000);
      // Whichever comes first: the completion, or a failure whose text says what went wrong.
      const ended = await wb.waitForNotification(/Render complete|Rendered .+\.|Render failed/, 'render complete', 240_000);
      const endText = (await ended.innerText()).replace(/\s+/g, ' ');
      assert.doesNotMatch(endText, /Render failed/, `the render host reported: ${endText}`);

      const { output, durationFrames } = scenario.clean.compiled;
      assert.ok(existsSync(output.path), `no render output at ${output.path}`);
      const probe = JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-count_packets',
        '-show_entries', 'stream=width,height,r_frame_rate,nb_read_packets', '-of', 'json', output.path], { encoding: 'utf8' })) as {
        streams: Array<{ width: number; height: number; r_frame_rate: string; nb_read_packets: string }>;
      };
      const video = probe.streams[0];
      assert.ok(video, 'the render has no video stream');
      assert.deepEqual({ width: video.width, height: video.height }, { width: output.width, height: output.height });
      const [num, den] = video.r_frame_rate.split('/').map(Number);
      assert.equal((num ?? 0) * output.fps.den, (den ?? 1) * output.fps.num, `frame rate ${video.r_frame_rate}`);
      assert.equal(Number(video.nb_read_packets), durationFrames, 'frame count = timeline duration in frames');
    });
  });
});
