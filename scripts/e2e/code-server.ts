// Starts code-server (a real VS Code workbench with the real Node extension host) in a throw-away
// profile: its own user-data, extensions, XDG and TMPDIR folders, a free port on 127.0.0.1, and
// the user settings automation needs. stop() ends it by PID and removes the profile.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readDiscovery } from '../../render-host/discovery/discovery-file';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { paths } from './paths';
import { node24Env } from './setup';

/** Without these a chat input takes focus, walkthroughs open and update checks reach the network. */
export const AUTOMATION_SETTINGS: Record<string, unknown> = {
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
  'editor.accessibilitySupport': 'off',
};

export interface CodeServerOptions {
  /** Merged over AUTOMATION_SETTINGS into the profile's User/settings.json. */
  userSettings?: Record<string, unknown>;
  /** .vsix files installed into the fresh profile before the start. */
  vsix?: string[];
  /** Lets a page run an extension test suite (`extensionTestsPath`) and report through codeAutomationExit. */
  smokeTestDriver?: boolean;
  /** Extra environment for the workbench and its extension host. */
  env?: Record<string, string>;
}

export interface CodeServer {
  readonly url: string;
  readonly port: number;
  readonly profileDir: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  /** Workbench URL that opens `folder` (absolute path), with optional extra query parameters. */
  folderUrl(folder: string, query?: Record<string, string>): string;
  /** What code-server printed so far: attached to failures. */
  output(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function profileEnv(profileDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = node24Env({
    XDG_CONFIG_HOME: join(profileDir, 'xdg-config'),
    XDG_DATA_HOME: join(profileDir, 'xdg-data'),
    XDG_CACHE_HOME: join(profileDir, 'xdg-cache'),
    // The render host the extension starts finds its peers through this folder: one per profile.
    XDG_STATE_HOME: join(profileDir, 'xdg-state'),
    TMPDIR: join(profileDir, 'tmp'),
    ...extra,
  });
  // code-server reads these; a value inherited from a developer's shell must not leak in.
  delete env.PASSWORD;
  delete env.HASHED_PASSWORD;
  delete env.VSCODE_PROXY_URI;
  return env;
}

function codeServerArgs(userDataDir: string, extensionsDir: string): string[] {
  return [paths.codeServerEntry, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
}

export function installExtension(server: Pick<CodeServer, 'profileDir' | 'userDataDir' | 'extensionsDir'>, vsix: string): void {
  const result = spawnSync(paths.node24Bin, [...codeServerArgs(server.userDataDir, server.extensionsDir), '--install-extension', vsix], {
    env: profileEnv(server.profileDir),
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`code-server could not install ${vsix}:\n${result.stdout}\n${result.stderr}`);
  }
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}) before answering /healthz:\n${output()}`);
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs / 1000} s:\n${output()}`);
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  const profileDir = mkdtempSync(join(tmpdir(), 'atropos-code-server-'));
  const userDataDir = join(profileDir, 'user-data');
  const extensionsDir = join(profileDir, 'extensions');
  for (const dir of [userDataDir, extensionsDir, join(userDataDir, 'User'), join(profileDir, 'tmp'), join(profileDir, 'xdg-config'), join(profileDir, 'xdg-data'), join(profileDir, 'xdg-cache')]) {
    mkdirSync(dir, { recursive: true });
  }
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...AUTOMATION_SETTINGS, ...options.userSettings }, null, 2));

  const dirs = { profileDir, userDataDir, extensionsDir };
  try {
    for (const vsix of options.vsix ?? []) installExtension(dirs, vsix);
  } catch (error) {
    rmSync(profileDir, { recursive: true, force: true });
    throw error;
  }

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = [
    ...codeServerArgs(userDataDir, extensionsDir),
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...(options.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
  ];
  // Its own process group, so that stop() can also reach the extension host and the processes it started.
  const child = spawn(paths.node24Bin, args, { env: profileEnv(profileDir, options.env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  const keep = (chunk: Buffer): void => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    const pid = child.pid;
    if (pid !== undefined && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(timer);
    }
    // Anything of this group still alive (an extension host's child, say) goes too; it is ours by PID.
    if (pid !== undefined) {
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        // the group is already gone
      }
    }
    stopRenderHost(join(profileDir, 'xdg-state', 'atropos'));
    rmSync(profileDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(url, child, () => log);
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    url,
    port,
    ...dirs,
    folderUrl(folder, query = {}) {
      const params = new URLSearchParams({ folder, ...query });
      return `${url}/?${params.toString()}`;
    },
    output: () => log,
    stop,
  };
}

/** The render host outlives code-server by design (detached, idle timeout); a test profile's host ends with it. */
function stopRenderHost(stateDir: string): void {
  const pid = readDiscovery(stateDir)?.pid;
  if (pid === undefined) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    // already gone
  }
}
