// The Node side of media and fonts for the language server: ffprobe through the render host's probe
// module (the only code that runs ffprobe) and the installed font families through fc-list.
import { stat } from 'node:fs/promises';
import type { FontCatalog } from '../../core';
import type { MediaLookupResult } from '../../protocol/media-facts';
import { createFontCatalog, probeMedia } from '../../node/media';

/** Never throws: a missing file is `missing`, anything ffprobe cannot read is `unreadable`. */
export async function probeMediaFile(path: string, ffprobePath: string): Promise<MediaLookupResult> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { status: 'unreadable', reason: 'not a file' };
  } catch {
    return { status: 'missing' };
  }
  return probeMedia(path, ffprobePath ? { ffprobePath } : {});
}

export async function loadFontCatalog(): Promise<FontCatalog | undefined> {
  try {
    return await createFontCatalog();
  } catch {
    return undefined;
  }
}
