// The draft proxy (H.264 + MP3, which webviews decode) that the preview plays. Rendered in the
// background once the timeline has settled; a newer timeline cancels and deletes the older proxy.

import { mkdirSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CompiledTimeline } from '../../protocol/compiled-timeline';
import type { ProxyState } from '../../protocol/webview';
import type { HostConnection } from '../renders/host-connection';
import { isProxyOf, proxyFolder, proxyPath } from './proxy-paths';
import { describeProgress } from '../../core/render-progress';

/** Quiet time after the last edit before a proxy starts (renders compete with typing for 2 cores). */
const SETTLE_MS = 3000;

export interface ProxyRendererDeps {
  host: HostConnection;
  workspaceFolder: string | undefined;
  /** Turns a file path into a URL the webview may load. */
  toWebviewUri(path: string): string;
  post(state: ProxyState): void;
  log(line: string): void;
}

export class ProxyRenderer {
  private current: { revision: number; timeline: CompiledTimeline } | undefined;
  private job: { revision: number; id?: string; abort: AbortController } | undefined;
  private ready: { revision: number; path: string } | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: ProxyRendererDeps) {}

  /** A new good timeline: the old proxy is stale. */
  timelineChanged(revision: number, timeline: CompiledTimeline): void {
    this.current = { revision, timeline };
    this.stopJob();
    this.ready = undefined;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.start(revision), SETTLE_MS);
  }

  /** The user pressed play: start now if nothing is ready or running, else re-announce. */
  requested(revision: number): void {
    if (this.ready?.revision === revision) return this.announce(revision);
    if (this.job?.revision === revision) return;
    clearTimeout(this.timer);
    void this.start(revision);
  }

  /** Tells a reloaded webview about a proxy that is already there. */
  announce(revision: number): void {
    if (this.ready?.revision === revision) this.deps.post({ state: 'ready', revision, src: this.deps.toWebviewUri(this.ready.path) });
  }

  private async start(revision: number): Promise<void> {
    const current = this.current;
    if (!current || current.revision !== revision || this.job?.revision === revision) return;
    const outputPath = proxyPath(current.timeline.sourceFile, revision);
    const abort = new AbortController();
    const job: { revision: number; id?: string; abort: AbortController } = { revision, abort };
    this.job = job;
    this.deps.post({ state: 'rendering', revision, percent: 0 });
    try {
      this.prepareFolder(current.timeline.sourceFile);
      const accepted = await this.deps.host.run((c) => c.submit({
        timeline: current.timeline, outputPath, preset: 'draft', overwrite: true,
        ...(this.deps.workspaceFolder ? { workspaceFolder: this.deps.workspaceFolder } : {}),
      }));
      job.id = accepted.id;
      if (abort.signal.aborted) {
        void this.deps.host.run((c) => c.cancel(accepted.id)).catch(() => undefined);
        return;
      }
      const final = await this.deps.host.run((c) => c.follow(accepted.id, (event) => {
        if (event.type === 'progress' && event.job.progress && this.job === job) {
          this.deps.post({ state: 'rendering', revision, percent: describeProgress(event.job.progress).percent });
        }
      }, abort.signal));
      if (this.job !== job) return;
      this.job = undefined;
      if (final.state === 'completed') {
        this.ready = { revision, path: outputPath };
        this.deleteStale(current.timeline.sourceFile, outputPath);
        this.deps.post({ state: 'ready', revision, src: this.deps.toWebviewUri(outputPath) });
      } else if (final.state !== 'cancelled') {
        this.deps.post({ state: 'failed', revision, message: final.error?.message ?? `the proxy render ${final.state}` });
      }
    } catch (e) {
      if (abort.signal.aborted || this.job !== job) return;
      this.job = undefined;
      const message = e instanceof Error ? e.message : String(e);
      this.deps.log(`Preview proxy failed: ${message}`);
      this.deps.post({ state: 'failed', revision, message });
    }
  }

  private stopJob(): void {
    const job = this.job;
    if (!job) return;
    this.job = undefined;
    job.abort.abort();
    if (job.id) {
      const id = job.id;
      void this.deps.host.run((c) => c.cancel(id)).catch(() => undefined);
    }
  }

  private prepareFolder(timelinePath: string): void {
    const folder = proxyFolder(timelinePath);
    mkdirSync(folder, { recursive: true });
    // The cache is no one's source: keep it out of version control.
    const ignore = join(folder, '..', '.gitignore');
    if (!existsSync(ignore)) writeFileSync(ignore, '*\n');
  }

  private deleteStale(timelinePath: string, keep: string | undefined): void {
    const folder = proxyFolder(timelinePath);
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(folder, name);
      if (path !== keep && isProxyOf(timelinePath, name)) rmSync(path, { force: true });
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.stopJob();
    if (this.current) this.deleteStale(this.current.timeline.sourceFile, undefined);
  }
}
