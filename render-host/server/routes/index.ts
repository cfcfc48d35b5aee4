// Every route of the render host, registered in one place. Add a route: a file here, a line below.
import type { Hono } from 'hono';
import type { HostServices } from '../host-services';
import { registerCancelJob } from './cancel-job';
import { registerCreateJob } from './create-job';
import { registerGetJob } from './get-job';
import { registerHealth } from './health';
import { registerJobEvents } from './job-events';
import { registerListJobs } from './list-jobs';
import { registerMediaStrip } from './media-strip';
import { registerRenderFrame } from './render-frame';
import { registerShutdown } from './shutdown';
import { registerTelemetry } from './telemetry';
import { registerWorkspaceFolders } from './workspace-folders';
import { registerDetections } from './detections';

export const routes: ((app: Hono, services: HostServices) => void)[] = [
  registerHealth,
  registerTelemetry,
  registerCreateJob,
  registerListJobs,
  registerGetJob,
  registerJobEvents,
  registerCancelJob,
  registerRenderFrame,
  registerShutdown,
  registerWorkspaceFolders,
  registerDetections,
  registerMediaStrip,
];
