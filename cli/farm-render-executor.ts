// render through the farm (`atropos render … --farm redis://…`): the same RenderExecutor the commands
// use, so flags, progress, output and exit codes stay as they are. The entitlement this machine holds
// travels with the render; every worker verifies it.
import { FREE_PRESETS } from '../protocol/render-host';
import { osMachineId } from '../licensing/client-factory';
import { deviceFingerprint } from '../licensing/fingerprint';
import { RenderError } from '../node/ffmpeg';
import { connectionFrom, FarmUrlError } from '../farm/connection';
import { FarmPlanError } from '../farm/farm-plan';
import { renderOnFarm } from '../farm/submit';
import type { CliIO } from './command';
import type { RenderExecutor } from './commands/render-executor';
import { ffmpegFor } from './commands/render-support';
import { CommandError, UsageError } from './errors';
import { getEntitlementForRender } from './license-client';

export function farmExecutor(io: CliIO, redisUrl: string, chunkSeconds?: number): RenderExecutor {
  const ffmpegPath = ffmpegFor(io, 'render');
  try {
    connectionFrom(redisUrl);
  } catch (error) {
    if (error instanceof FarmUrlError) throw new UsageError(`atropos render: --farm: ${error.message}`);
    throw error;
  }
  return {
    async render(request, options) {
      const token = FREE_PRESETS.includes(request.preset) ? undefined : await getEntitlementForRender(io.env);
      if (!FREE_PRESETS.includes(request.preset) && !token) {
        throw new CommandError('atropos render: a final render needs a licence or a trial on this machine (fix: atropos license trial or atropos license activate <key>)', 3);
      }
      try {
        return await renderOnFarm(request, {
          redisUrl,
          ffmpegPath,
          ...(options.signal ? { signal: options.signal } : {}),
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
          ...(token ? { entitlement: { token, device: deviceFingerprint(osMachineId(io.env)) } } : {}),
          ...(chunkSeconds !== undefined ? { chunkSeconds } : {}),
        });
      } catch (error) {
        if (error instanceof FarmUrlError) throw new UsageError(`atropos render: --farm: ${error.message}`);
        if (error instanceof FarmPlanError) throw new RenderError('invalid-timeline', error.message);
        throw error;
      }
    },
    frame() {
      throw new UsageError('atropos frame: frames are rendered on this machine, not on the farm');
    },
  };
}
