// How render and frame are carried out. The render host's client (host-render-executor.ts) and this
// process (ATROPOS_RENDER_IN_PROCESS=1) implement the same interface, and the commands do not change.
// In this process a render passes the very admission the host applies (node/paths/admit-render.ts):
// the output inside the user's folders, symlinks resolved, and the licence gate for final presets.
import { isAbsolute, relative } from 'node:path';
import { RenderError, renderFrame, renderTimeline, type RenderOptions, type RenderRequest, type RenderResult } from '../../node/ffmpeg';
import type { CompiledTimeline } from '../../protocol/compiled-timeline';
import { FREE_PRESETS } from '../../protocol/render-host';
import { admitRender } from '../../node/paths/admit-render';
import { WorkspaceFolders } from '../../node/paths/workspace-folders';
import { createEntitlementGate } from '../../licensing/gate';
import { CommandError } from '../errors';
import { getEntitlementForRender } from '../license-client';

export interface RenderExecutor {
  render(request: RenderRequest, options: Omit<RenderOptions, 'ffmpegPath'>): Promise<RenderResult>;
  frame(timeline: CompiledTimeline, frame: number, options: { width?: number; signal?: AbortSignal }): Promise<Buffer>;
}

/** Exit code of a render the admission refused, as through the host. */
const REFUSED = 3;

export function localExecutor(ffmpegPath: string, context: { env: NodeJS.ProcessEnv; cwd: string; command: string }): RenderExecutor {
  return {
    async render(request, options) {
      const { timeline, preset } = request;
      const folders = new WorkspaceFolders();
      // The working folder counts as the workspace when the timeline is inside it (as through the host).
      const rel = relative(context.cwd, timeline.sourceFile);
      if (!rel.startsWith('..') && !isAbsolute(rel)) folders.register([context.cwd]);
      const entitlement = FREE_PRESETS.includes(preset) ? undefined : await getEntitlementForRender(context.env);
      const admission = await admitRender(
        { timeline, outputPath: request.outputPath, preset, overwrite: request.overwrite },
        entitlement,
        { gate: createEntitlementGate({ env: context.env }), allowedRoots: [], workspaceFolders: folders },
      );
      // An existing output is the runner's own refusal (exit 4, with the CLI's wording).
      if (!admission.ok && admission.kind === 'path' && admission.problem.code === 'output-exists') throw new RenderError('output-exists', admission.problem.message);
      if (!admission.ok) {
        const message = admission.kind === 'path' ? admission.problem.message : admission.message;
        const fix = admission.kind === 'entitlement' && admission.actions.length ? ` (fix: ${admission.actions.join(' or ')}; see atropos license --help)` : '';
        throw new CommandError(`atropos ${context.command}: ${message}${fix}`, REFUSED);
      }
      return renderTimeline(request, { ...options, ffmpegPath });
    },
    frame: (timeline, frame, options) => renderFrame(timeline, frame, { ...options, ffmpegPath }),
  };
}
