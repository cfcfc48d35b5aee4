// The render host's entry (dist/render-host.js): the real runner, schema and entitlement gate
// plugged into the host process. Started on demand by ensureHost() or `atropos host start`.
import { PRODUCT_VERSION } from '../protocol/version';
import { createEntitlementGate } from '../licensing/gate';
import { runnerExecutor } from './jobs/runner-executor';
import { renderFrame, renderStrip } from '../node/ffmpeg/index';
import { compiledTimelineSchema } from './server/compiled-timeline-schema';
import { runHostProcess } from './server/run-host-process';
import { resolveTool } from '../node/tools/resolve-tools';
import { freshWorkRoot } from '../node/ffmpeg/work-root';


void runHostProcess(process.argv.slice(2), (config) => {
  const ffmpegPath = resolveTool('ffmpeg', { ffmpegPath: config.ffmpegPath ?? '' }).path;
  const workRoot = freshWorkRoot(config.stateDir);
  return {
    executor: runnerExecutor(ffmpegPath, workRoot, config.stallTimeoutMs),
    renderFrame: (timeline, frame, width, signal) => renderFrame(timeline, frame, { ffmpegPath, signal, workRoot, ...(width !== undefined ? { width } : {}) }),
    renderStrip: (request, signal) => renderStrip(request, { ffmpegPath, signal }),
    gate: createEntitlementGate(),
    timelineSchema: compiledTimelineSchema,
    version: PRODUCT_VERSION,
  };
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`render-host: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
