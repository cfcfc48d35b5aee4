// Settings → the flags and environment of a render host this window starts (render-host/server/run-host-process.ts).
// Pure. A host already running (started by another window or the CLI) keeps its own options.

import type { AtroposSettings } from '../../protocol/settings';

export interface HostLaunch {
  hostArgs: string[];
  env: Record<string, string>;
}

export function hostLaunch(settings: AtroposSettings, baseEnv: NodeJS.ProcessEnv): HostLaunch {
  const { renderHost } = settings;
  const hostArgs = [
    '--port', String(renderHost.port),
    '--concurrency', String(renderHost.concurrency),
    '--idle-timeout-minutes', String(renderHost.idleTimeoutMinutes),
    ...renderHost.allowedRoots.flatMap((root) => ['--allowed-root', root]),
    ...(settings.ffmpegPath ? ['--ffmpeg', settings.ffmpegPath] : []),
  ];
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(baseEnv)) if (v !== undefined) env[k] = v;
  if (settings.ffprobePath) env.ATROPOS_FFPROBE = settings.ffprobePath;
  // The host hands its final renders to the farm (render-host/jobs/farm-executor.ts).
  if (settings.farm.redisUrl) env.ATROPOS_FARM_REDIS = settings.farm.redisUrl;
  return { hostArgs, env };
}
