// Media files on disk: when one appears, changes or goes away, the documents that use it revalidate.
// Clients that can watch files for us get a registration for media globs; otherwise the folders of
// the open documents' media are watched with fs.watch.

import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DidChangeWatchedFilesNotification } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { MEDIA_EXTENSIONS } from '../language/media-files';
import type { MediaService } from '../media/media-service';

/** Returns `start`, to call once the client is initialized (a connection keeps one onInitialized handler). */
export function registerMediaWatching(context: ServerContext, media: MediaService): { start: () => void } {
  const { connection, client, timelines } = context;

  const changed = (paths: string[]): void => {
    const used = new Set(timelines.allMediaPaths());
    const relevant = paths.filter((p) => used.has(p));
    if (relevant.length > 0) media.refresh(relevant);
  };

  const start = (): void => {
    if (client.watchedFilesDynamic) {
      const extensions = [...MEDIA_EXTENSIONS].map((e) => e.slice(1)).join(',');
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: `**/*.{${extensions}}` }],
      });
    } else {
      startFallbackWatching(() => timelines.allMediaPaths(), changed);
    }
  };

  connection.onDidChangeWatchedFiles((params) => {
    const paths: string[] = [];
    for (const change of params.changes) {
      if (!change.uri.startsWith('file:')) continue;
      try {
        paths.push(fileURLToPath(change.uri));
      } catch {
        // not a local file
      }
    }
    changed(paths);
  });
  return { start };
}

/** Watches the folders holding the open documents' media; re-synced every second (cheap set diff). */
function startFallbackWatching(mediaPaths: () => string[], changed: (paths: string[]) => void): void {
  const watchers = new Map<string, FSWatcher | null>();
  const sync = (): void => {
    const folders = new Set(mediaPaths().map((p) => dirname(p)));
    for (const [folder, watcher] of watchers) {
      if (!folders.has(folder)) {
        watcher?.close();
        watchers.delete(folder);
      }
    }
    for (const folder of folders) {
      if (watchers.has(folder)) continue;
      try {
        const watcher = watch(folder, { persistent: false }, (_event, name) => {
          if (name) changed([join(folder, basename(name.toString()))]);
        });
        watcher.on('error', () => {
          watcher.close();
          watchers.delete(folder);
        });
        watchers.set(folder, watcher);
      } catch {
        // The folder does not exist yet; try again on the next sync (its creation is a change too).
        const previous = watchers.get(folder);
        if (previous === undefined) changed(mediaPaths().filter((p) => dirname(p) === folder));
      }
    }
  };
  const timer = setInterval(sync, 1000);
  timer.unref();
  sync();
}
