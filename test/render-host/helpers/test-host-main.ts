// A render-host process for tests: the real host (server, queue, history, discovery, entitlement
// gate) with the stand-in lavfi executor, until the render runner is wired into render-host/main.ts.
import { createEntitlementGate } from '../../../render-host/entitlement/gate';
import { runHostProcess } from '../../../render-host/server/run-host-process';
import { lavfiExecutor } from './lavfi-executor';
import { standInTimelineSchema } from './stand-in-timeline-schema';

void runHostProcess(process.argv.slice(2), (config) => ({
  executor: lavfiExecutor(config.ffmpegPath),
  renderFrame: async () => {
    throw Object.assign(new Error('Frames need the render runner.'), { code: 'ffmpeg-not-found' });
  },
  gate: createEntitlementGate(),
  timelineSchema: standInTimelineSchema,
  version: '0.0.0-test',
})).then((code) => process.exit(code));
