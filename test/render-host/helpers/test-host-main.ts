// The render host as main.ts builds it, except that while schemas/compiled-timeline.schema.json
// is missing, a stand-in outline of it checks timeline types (so bad-input tests mean something).
import { createEntitlementGate } from '../../../render-host/entitlement/gate';
import { runnerExecutor } from '../../../render-host/jobs/runner-executor';
import { renderFrame } from '../../../render-host/runner/index';
import { loadCompiledTimelineSchema } from '../../../render-host/server/compiled-timeline-schema';
import { runHostProcess } from '../../../render-host/server/run-host-process';
import { standInTimelineSchema } from './stand-in-timeline-schema';

void runHostProcess(process.argv.slice(2), (config) => {
  const ffmpegPath = config.ffmpegPath ?? 'ffmpeg';
  const schema = loadCompiledTimelineSchema(() => {});
  return {
    executor: runnerExecutor(ffmpegPath),
    renderFrame: (timeline, frame, width, signal) => renderFrame(timeline, frame, { ffmpegPath, signal, ...(width !== undefined ? { width } : {}) }),
    gate: createEntitlementGate(),
    timelineSchema: schema.$schema || schema.properties ? schema : standInTimelineSchema,
    version: '0.0.0-test',
  };
}).then((code) => process.exit(code));
