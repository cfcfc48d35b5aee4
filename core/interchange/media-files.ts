// Which media file a reel or clip name stands for, among the files beside an imported EDL or OTIO file.
// Pure: the CLI and the extension list the folders (and the CLI tries paths as given); this compares names.
import type { MediaResolver } from './edl/import';

/** Extensions (lower case, without the dot) of the files an import takes for media. */
export const MEDIA_FILE_EXTENSIONS: readonly string[] = [
  'mov', 'mp4', 'm4v', 'mkv', 'mxf', 'avi', 'webm', 'mts', 'mpg', 'mpeg',
  'wav', 'aif', 'aiff', 'mp3', 'm4a', 'aac', 'flac',
  'png', 'jpg', 'jpeg', 'tif', 'tiff', 'exr', 'dpx',
];

const EXTENSIONS = new Set(MEDIA_FILE_EXTENSIONS);

/** The last segment of a path written with `/` or `\`, lower case. */
function fileName(path: string): string {
  return (path.split(/[\\/]/).pop() ?? path).toLowerCase();
}

/** A name without its extension (two to four letters or digits, as camera and editing formats have). */
function stem(name: string): string {
  return name.replace(/\.[a-z0-9]{2,4}$/, '');
}

/** True when the file name ends in one of MEDIA_FILE_EXTENSIONS (any case). */
export function isMediaFileName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot >= 0 && EXTENSIONS.has(name.slice(dot + 1).toLowerCase());
}

/**
 * The file a reel or clip stands for: trying `names` in order, the first of `files` whose name equals the
 * name's last path segment, or whose name without extension equals that segment's, case-insensitively
 * (`A001C003.R3D` finds `media/a001c003.mov`). Answers the entry of `files` as given.
 */
export function matchMediaFile(names: readonly string[], files: readonly string[]): string | undefined {
  for (const name of names) {
    const wanted = fileName(name);
    if (!wanted) continue;
    const wantedStem = stem(wanted);
    const found = files.find((file) => {
      const candidate = fileName(file);
      return candidate === wanted || stem(candidate) === wantedStem;
    });
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Wraps a resolver to remember every path it answered, so those files can be probed before a second import. */
export function recordingResolver(resolver: MediaResolver): { resolver: MediaResolver; answered: Set<string> } {
  const answered = new Set<string>();
  return {
    answered,
    resolver: (names) => {
      const path = resolver(names);
      if (path !== undefined) answered.add(path);
      return path;
    },
  };
}
