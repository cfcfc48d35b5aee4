// Drives a code-server workbench the way a user does, with Debian's chromium through playwright-core.
// Selectors are the ones checked on VS Code 1.139 (see docs in /work/shared/notes/real-vscode-e2e.md).
// Every wait names what it waited for, so a failing step says which part of the product is missing.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type FrameLocator, type Locator, type Page } from 'playwright-core';
import { paths } from './paths';

export const CHROMIUM = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export const selectors = {
  workbench: '.monaco-workbench',
  quickInput: '.quick-input-widget',
  quickInputBox: '.quick-input-widget input',
  quickInputRow: '.quick-input-list .monaco-list-row',
  activeEditor: '.editor-group-container.active .editor-instance .monaco-editor',
  editorLines: '.editor-instance .monaco-editor .view-lines',
  squiggleError: '.monaco-editor .squiggly-error',
  squiggleWarning: '.monaco-editor .squiggly-warning',
  problemsStatus: '#status\\.problems',
  languageStatus: '#status\\.editor\\.mode',
  problemRow: '.markers-panel .monaco-tl-contents',
  suggestWidget: '.editor-widget.suggest-widget.visible',
  suggestRow: '.editor-widget.suggest-widget.visible .monaco-list-row',
  hover: '.monaco-hover:not(.hidden)',
  notificationToast: '.notifications-toasts .notification-toast',
  notificationCenter: '.notifications-center',
  webviewFrame: 'iframe.webview.ready',
  webviewActiveFrame: 'iframe#active-frame',
} as const;

/** Raised by a step whose expected UI never appeared: names the step and what was looked for. */
export class StepError extends Error {
  constructor(step: string, expected: string, cause?: unknown) {
    const detail = cause instanceof Error ? `\n  (${cause.message.split('\n')[0]})` : '';
    super(`${step}: ${expected}${detail}`);
    this.name = 'StepError';
  }
}

/** Waits for `locator` to be visible; on timeout throws a StepError that says what the step expected. */
export async function expectVisible(locator: Locator, step: string, expected: string, timeout = 15_000): Promise<Locator> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
    return locator;
  } catch (error) {
    throw new StepError(step, expected, error);
  }
}

/** Polls `probe` until it returns a value other than undefined; else a StepError naming what was expected. */
export async function eventually<T>(probe: () => Promise<T | undefined>, step: string, expected: string, timeout = 15_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new StepError(step, expected, lastError);
}

export class Workbench {
  private shotIndex = 0;

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly browserDir: string,
    readonly artifactsDir: string,
  ) {}

  static async launch(artifactsName: string): Promise<Workbench> {
    const browserDir = mkdtempSync(join(tmpdir(), 'atropos-chromium-'));
    const artifactsDir = join(paths.artifacts, artifactsName);
    rmSync(artifactsDir, { recursive: true, force: true });
    mkdirSync(artifactsDir, { recursive: true });
    const context = await chromium.launchPersistentContext(browserDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1440, height: 900 },
    });
    const page = context.pages()[0] ?? (await context.newPage());
    return new Workbench(context, page, browserDir, artifactsDir);
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expectVisible(this.page.locator(selectors.workbench), 'open workbench', `the VS Code workbench at ${url}`, 60_000);
    // The explorer appears once the folder is resolved; until then keyboard shortcuts may go nowhere.
    await this.page.locator('.part.sidebar, .part.editor').first().waitFor({ state: 'visible', timeout: 30_000 });
  }

  /** Saves a full-page screenshot as test-artifacts/e2e/<run>/NN-name.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    this.shotIndex += 1;
    const file = join(this.artifactsDir, `${String(this.shotIndex).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Opens a file of the workspace through Quick Open (Ctrl+P), as a user would. */
  async quickOpen(fileName: string): Promise<void> {
    const step = `Quick Open ${fileName}`;
    await this.page.locator(selectors.workbench).click({ position: { x: 700, y: 5 } }).catch(() => undefined);
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator(selectors.quickInputBox);
    await expectVisible(input, step, 'the Quick Open input');
    await input.fill(fileName);
    const row = this.page.locator(selectors.quickInputRow, { hasText: fileName });
    await expectVisible(row, step, `a Quick Open result named ${fileName}`);
    await this.page.keyboard.press('Enter');
    await expectVisible(this.page.locator(`.tab.active[aria-label*="${fileName}"], .tab.active:has-text("${fileName}")`), step, `an active editor tab for ${fileName}`);
    await expectVisible(this.page.locator(selectors.editorLines), step, 'the text editor');
  }

  /** Runs a command by its palette label (F1, type, Enter). */
  async runCommand(label: string): Promise<void> {
    const step = `command palette: ${label}`;
    await this.page.keyboard.press('F1');
    const input = this.page.locator(selectors.quickInputBox);
    await expectVisible(input, step, 'the command palette');
    await input.fill(`>${label}`);
    const row = this.page.locator(selectors.quickInputRow, { hasText: label });
    await expectVisible(row, step, `a command palette entry "${label}" (is the command contributed in package.json?)`);
    await row.first().click();
  }

  /** The text of every Problems panel row (opens the panel with Ctrl+Shift+M). */
  async problems(step: string, expectedAtLeast = 1): Promise<string[]> {
    await this.page.keyboard.press('Control+Shift+M');
    const rows = this.page.locator(selectors.problemRow);
    return eventually(async () => {
      const texts = await rows.allInnerTexts();
      return texts.length >= expectedAtLeast ? texts : undefined;
    }, step, `at least ${expectedAtLeast} entr${expectedAtLeast === 1 ? 'y' : 'ies'} in the Problems panel`);
  }

  /** Texts of the notification toasts now on screen. */
  async notifications(): Promise<string[]> {
    return this.page.locator(selectors.notificationToast).allInnerTexts();
  }

  /** Waits for a notification toast whose text contains `text`. */
  async waitForNotification(text: string | RegExp, step: string, timeout = 30_000): Promise<Locator> {
    const toast = this.page.locator(selectors.notificationToast).filter({ hasText: text });
    await expectVisible(toast, step, `a notification saying ${String(text)}`, timeout);
    return toast.first();
  }

  /** The content document of the webview whose tab title contains `title` (the one in the active group when omitted). */
  webview(): FrameLocator {
    return this.page.frameLocator(selectors.webviewFrame).frameLocator(selectors.webviewActiveFrame);
  }

  /** Moves the cursor to a 1-based line and column with Go to Line (Ctrl+G). */
  async goTo(line: number, column = 1): Promise<void> {
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator(selectors.quickInputBox);
    await expectVisible(input, `go to ${line}:${column}`, 'the Go to Line input');
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
  }

  /** The active editor's text as the workbench renders it (non-breaking spaces normalised). */
  async editorText(): Promise<string> {
    const text = await this.page.locator(selectors.editorLines).first().innerText();
    return text.replace(/\u00a0/g, ' ');
  }

  /** The cursor position shown in the status bar, e.g. { line: 12, column: 5 }. */
  async cursorPosition(): Promise<{ line: number; column: number } | undefined> {
    const label = await this.page.locator('#status\\.editor\\.selection').innerText().catch(() => '');
    const match = /Ln (\d+), Col (\d+)/.exec(label);
    return match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    rmSync(this.browserDir, { recursive: true, force: true });
  }
}
