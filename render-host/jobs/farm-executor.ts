// The render host's JobExecutor when a farm is configured (ATROPOS_FARM_REDIS, from the VS Code setting
// atropos.farm.redisUrl): final renders the farm can make go to it, with the entitlement the job came
// with; everything else (drafts, GIFs, sound only) renders here as before.
import { FREE_PRESETS } from '../../protocol/render-host';
import { entitlementDevice } from '../../licensing/entitlement-claims';
import { ExecutionError, type JobExecutor } from './job-executor';
import { RenderError } from '../../node/ffmpeg';
import { FarmPlanError, planFarmRender } from '../../farm/farm-plan';
import { renderOnFarm } from '../../farm/submit';

export function farmJobExecutor(options: { redisUrl: string; ffmpegPath: string; local: JobExecutor }): JobExecutor {
  const farmable = (request: Parameters<JobExecutor['execute']>[0]): boolean => {
    if (FREE_PRESETS.includes(request.preset)) return false;
    try {
      planFarmRender(request.timeline, { preset: request.preset, outputPath: request.outputPath, overwrite: true, ffmpegVersion: '' });
      return true;
    } catch (error) {
      if (error instanceof FarmPlanError) return false;
      throw error;
    }
  };
  return {
    temporaryPaths: (request, jobId) => options.local.temporaryPaths(request, jobId),
    async execute(request, context) {
      if (!farmable(request)) return options.local.execute(request, context);
      // The host's gate verified the token for this machine before queueing; its device claim names which id.
      const token = context.entitlement;
      const device = entitlementDevice(token);
      try {
        await renderOnFarm({ timeline: request.timeline, outputPath: request.outputPath, preset: request.preset, overwrite: request.overwrite ?? false }, {
          redisUrl: options.redisUrl,
          ffmpegPath: options.ffmpegPath,
          signal: context.signal,
          ...(token ? { entitlement: { token, device } } : {}),
          onProgress: (p) => context.onProgress(p),
        });
      } catch (error) {
        if (error instanceof RenderError) throw new ExecutionError(error.code, error.message, error.stderrTail.join('\n') || undefined, error.range);
        throw error;
      }
    },
  };
}
