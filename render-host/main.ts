// The render host's entry (dist/render-host.js): the real runner, schema and entitlement gate
// plugged into the host process. Started on demand by ensureHost() or `atropos host start`.
import { createEntitlementGate } from './entitlement/gate';
import { runnerExecutor } from './jobs/runner-executor';
import { renderFrame } from './runner/index';
import { compiledTimelineSchema } from './server/compiled-timeline-schema';
import { runHostProcess } from './server/run-host-process';
import { resolveTool } from './tools/resolve-tools';
import { freshWorkRoot } from './runner/work-root';
import { farmJobExecutor } from '../farm/host-executor';

const VERSION = '0.1.0';

void runHostProcess(process.argv.slice(2), (config) => {
  const ffmpegPath = resolveTool('ffmpeg', { ffmpegPath: config.ffmpegPath ?? '' }).path;
  const workRoot = freshWorkRoot(config.stateDir);
  return {
    // With a farm configured, final renders go to its workers (docs/farm.md).
    executor: process.env.ATROPOS_FARM_REDIS
      ? farmJobExecutor({ redisUrl: process.env.ATROPOS_FARM_REDIS, ffmpegPath, local: runnerExecutor(ffmpegPath, workRoot) })
      : runnerExecutor(ffmpegPath, workRoot),
    renderFrame: (timeline, frame, width, signal) => renderFrame(timeline, frame, { ffmpegPath, signal, workRoot, ...(width !== undefined ? { width } : {}) }),
    gate: createEntitlementGate(),
    timelineSchema: compiledTimelineSchema,
    version: VERSION,
  };
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`render-host: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
