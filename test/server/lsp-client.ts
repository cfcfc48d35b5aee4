// A real LSP client for tests and benchmarks: spawns a language server over stdio and speaks JSON-RPC.
// It answers the requests a server sends to its client (configuration, capability registration),
// keeps the last diagnostics per document, and reads the server's CPU time and peak memory from /proc.

import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type Diagnostic,
  type PublishDiagnosticsParams,
  type ClientCapabilities,
  type InitializeResult,
  type Range,
} from 'vscode-languageserver-protocol/node';

export interface StartOptions {
  /** Executable and arguments; `--stdio` is appended. */
  command: string;
  args: string[];
  rootPath: string;
  /** Answer to workspace/configuration, keyed by section (`atropos`, `yaml`, …). */
  settings?: Record<string, unknown>;
  /** Advertise dynamic registration of didChangeWatchedFiles (default true). */
  watchedFiles?: boolean;
  initializationOptions?: unknown;
  env?: NodeJS.ProcessEnv;
}

interface Waiter {
  uri: string;
  accept: (p: PublishDiagnosticsParams) => boolean;
  resolve: (p: PublishDiagnosticsParams) => void;
}

export class LspTestClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  readonly stderr: string[] = [];
  private waiters: Waiter[] = [];
  private versions = new Map<string, number>();
  private exited = false;
  initializeResult: InitializeResult | undefined;

  private constructor(readonly child: ChildProcess, readonly connection: ProtocolConnection, public settings: Record<string, unknown>) {}

  static async start(options: StartOptions): Promise<LspTestClient> {
    const child = spawn(options.command, [...options.args, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: options.env ?? process.env,
    });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspTestClient(child, connection, options.settings ?? {});
    child.stderr!.on('data', (d: Buffer) => client.stderr.push(d.toString()));
    child.on('exit', () => { client.exited = true; });
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section ? client.settings[item.section] ?? null : null)));
    connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      client.registrations.push(...params.registrations);
      return null;
    });
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/semanticTokens/refresh', () => null);
    connection.onRequest('workspace/inlayHint/refresh', () => null);
    connection.onRequest('workspace/codeLens/refresh', () => null);
    connection.onNotification('window/logMessage', () => undefined);
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => client.onDiagnostics(p));
    connection.listen();

    const rootUri = pathToFileURL(options.rootPath).href;
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: options.watchedFiles ?? true },
        workspaceFolders: true,
        inlayHint: { refreshSupport: true },
        codeLens: { refreshSupport: true },
      },
      textDocument: {
        synchronization: { dynamicRegistration: false, didSave: true },
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
        rename: { prepareSupport: true },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'refactor.rewrite'] } } },
      },
    };
    client.initializeResult = (await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      capabilities,
      workspaceFolders: [{ uri: rootUri, name: 'root' }],
      initializationOptions: options.initializationOptions,
    })) as InitializeResult;
    await connection.sendNotification('initialized', {});
    return client;
  }

  private onDiagnostics(p: PublishDiagnosticsParams): void {
    this.diagnostics.set(p.uri, p);
    const still: Waiter[] = [];
    for (const w of this.waiters) {
      if (w.uri === p.uri && w.accept(p)) w.resolve(p);
      else still.push(w);
    }
    this.waiters = still;
  }

  /** Resolves with the first diagnostics for `uri` (from now on) that `accept` takes; rejects after `timeoutMs`. */
  waitForDiagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 60_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr.join('').slice(-2000)}`));
      }, timeoutMs);
      const done = (p: PublishDiagnosticsParams) => { clearTimeout(timer); resolve(p); };
      this.waiters.push({ uri, accept, resolve: done });
    });
  }

  /** Diagnostics published for this exact document version (servers that send versions). */
  waitForVersion(uri: string, version: number, timeoutMs?: number): Promise<PublishDiagnosticsParams> {
    return this.waitForDiagnostics(uri, (p) => p.version === undefined || p.version === version, timeoutMs);
  }

  async open(uri: string, text: string, languageId = 'atropos-timeline', version = 1): Promise<void> {
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Sends one change; returns the new version. Without `range` the text replaces the whole document. */
  async change(uri: string, text: string, range?: Range): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [range ? { range, text } : { text }],
    });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  get alive(): boolean {
    return !this.exited && this.child.exitCode === null;
  }

  /** User + system CPU seconds of the server process so far (Linux /proc). */
  cpuSeconds(): number {
    const stat = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return ticks / 100;
  }

  /** Peak resident memory of the server process in MB (VmHWM). */
  peakMemoryMb(): number {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const m = /VmHWM:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) / 1024 : NaN;
  }

  async stop(): Promise<void> {
    if (!this.alive) { this.connection.dispose(); return; }
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), delay(3000)]);
      await this.connection.sendNotification('exit');
    } catch {
      // The process may already be gone; the kill below makes sure.
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export function severityName(d: Diagnostic): string {
  return ['', 'error', 'warning', 'information', 'hint'][d.severity ?? 1] ?? 'unknown';
}
