// Everything a job reads and writes, checked before it is queued and again when it starts: inputs
// are absolute and readable, the output lies inside an allowed root (after following symlinks), is
// not an input, and is not an existing file unless overwrite was asked for. The roots come from facts
// the host checked itself (workspace-folders.ts), never from a request field.
import { accessSync, constants, statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { CompiledTimeline } from '../../protocol/compiled-timeline';
import type { JobRequest } from '../../protocol/render-host';
import type { PathRefusalCode } from '../../protocol/render-failures';
import { isInside, realTarget } from './real-target';
import { readTimelineFile, timelineFolder, type WorkspaceFolders } from './workspace-folders';

export interface PathProblem {
  status: 400 | 403 | 409;
  code: PathRefusalCode;
  message: string;
  /** JSON pointer into the request body. */
  pointer: string;
}

interface InputPath {
  path: string;
  pointer: string;
}

/** Returns the first problem found, or undefined when the job may run. */
export function checkJobPaths(request: JobRequest, configuredRoots: readonly string[], workspaceFolders?: WorkspaceFolders): PathProblem | undefined {
  const { timeline } = request;
  const inputs = inputPathsOf(timeline);
  const inputProblem = checkTimelineInputs(timeline);
  if (inputProblem) return inputProblem;
  if (!isAbsolute(request.outputPath)) {
    return { status: 400, code: 'path-not-absolute', pointer: '/outputPath', message: `The output path must be absolute (got "${request.outputPath}").` };
  }
  if (!isAbsolute(timeline.sourceFile)) {
    return { status: 400, code: 'path-not-absolute', pointer: '/timeline/sourceFile', message: `The timeline's sourceFile must be absolute (got "${timeline.sourceFile}").` };
  }
  const source = readTimelineFile(timeline.sourceFile);
  if (!source.ok) return { status: 403, code: 'timeline-unverified', pointer: '/timeline/sourceFile', message: source.message };

  const output = realTarget(request.outputPath);
  const roots = allowedRoots(source.realPath, configuredRoots, workspaceFolders);
  if (!roots.some((root) => isInside(root, output))) {
    return {
      status: 403,
      code: 'output-outside-roots',
      pointer: '/outputPath',
      message: `The output "${request.outputPath}" resolves to "${output}", which is outside the folders renders may write to (${roots.join(', ') || 'none: register a workspace folder'}).`,
    };
  }
  const sameAsInput = [...inputs, { path: timeline.sourceFile, pointer: '/timeline/sourceFile' }].find((input) => realTarget(input.path) === output);
  if (sameAsInput) {
    return { status: 400, code: 'output-is-input', pointer: '/outputPath', message: `The output "${request.outputPath}" is also an input of this timeline (${sameAsInput.pointer}); rendering would overwrite it.` };
  }
  // A missing output folder is fine: the runner creates it, and `output` above is the real path of
  // its nearest existing ancestor plus the rest, so it cannot escape the roots through a symlink.
  const existing = statOrUndefined(output);
  if (existing?.isDirectory()) {
    return { status: 400, code: 'output-is-folder', pointer: '/outputPath', message: `The output "${request.outputPath}" is a folder; give a file name.` };
  }
  if (existing && !request.overwrite) {
    return { status: 409, code: 'output-exists', pointer: '/outputPath', message: `"${request.outputPath}" already exists; pass overwrite: true to replace it.` };
  }
  return undefined;
}

/** The configured roots, the registered workspace folders that hold the timeline, and the timeline's own folder. */
function allowedRoots(realTimeline: string, configuredRoots: readonly string[], workspaceFolders: WorkspaceFolders | undefined): string[] {
  const roots = configuredRoots.filter((root) => isAbsolute(root)).map(realTarget);
  roots.push(...(workspaceFolders?.holding(realTimeline) ?? []));
  const own = timelineFolder(realTimeline);
  if (own) roots.push(own);
  return roots;
}

/** Every file the timeline reads must be named by an absolute path and readable now. */
export function checkTimelineInputs(timeline: CompiledTimeline): PathProblem | undefined {
  for (const input of inputPathsOf(timeline)) {
    const problem = checkReadable(input);
    if (problem) return problem;
  }
  return undefined;
}

function inputPathsOf(timeline: CompiledTimeline): InputPath[] {
  const inputs: InputPath[] = timeline.assets.map((asset, i) => ({ path: asset.path, pointer: `/timeline/assets/${i}/path` }));
  if (timeline.subtitles) inputs.push({ path: timeline.subtitles.path, pointer: '/timeline/subtitles/path' });
  timeline.tracks.forEach((track, t) =>
    track.items.forEach((item, i) => {
      if (item.kind === 'clip' && item.source.kind === 'text' && item.source.style.fontFile) {
        inputs.push({ path: item.source.style.fontFile, pointer: `/timeline/tracks/${t}/items/${i}/source/style/fontFile` });
      }
    }),
  );
  return inputs;
}

function checkReadable(input: InputPath): PathProblem | undefined {
  if (!isAbsolute(input.path)) {
    return { status: 400, code: 'path-not-absolute', pointer: input.pointer, message: `Media paths must be absolute (got "${input.path}").` };
  }
  try {
    accessSync(input.path, constants.R_OK);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return missing
      ? { status: 400, code: 'media-missing', pointer: input.pointer, message: `Media file not found: ${input.path}` }
      : { status: 400, code: 'media-unreadable', pointer: input.pointer, message: `Media file cannot be read: ${input.path} (${(error as Error).message})` };
  }
  return undefined;
}

function statOrUndefined(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
