// The one typed client of the render host, used by the extension and the CLI.
import { ENTITLEMENT_HEADER } from '../../protocol/entitlement-gate';
import {
  RenderHostRoutes,
  isTerminalJobState,
  type FrameRequest,
  type MediaStripRequest,
  type HostErrorBody,
  type HostErrorDetails,
  type HostHealth,
  type HostTelemetry,
  type JobAccepted,
  type JobEvent,
  type JobList,
  type JobRecord,
  type JobRequest,
  type WorkspaceFoldersRequest,
} from '../../protocol/render-host';
import { readSse } from './sse';
import { DetectionRoutes, isFinishedDetection, type DetectionJobRecord, type DetectionJobRequest } from '../../protocol/detection';

/** A refusal or failure answered by the host, with its HTTP status and stable code. */
export class RenderHostError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: HostErrorDetails,
    /** From Retry-After on 429. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export interface HostAddress {
  port: number;
  token: string;
}

export class RenderHostClient {
  readonly baseUrl: string;

  constructor(private readonly address: HostAddress) {
    this.baseUrl = `http://127.0.0.1:${address.port}`;
  }

  get port(): number {
    return this.address.port;
  }

  /** Queues a render. `entitlement` is the JWT for presets other than draft. */
  async submit(request: JobRequest, options: { entitlement?: string } = {}): Promise<JobAccepted> {
    // The host trusts a workspace folder only once this authenticated client has registered it.
    // A folder the host refuses (the home folder, "/") is no error here: the timeline's own folder
    // still counts, and the job's answer says where it may not write.
    if (request.workspaceFolder) {
      await this.registerWorkspaceFolders([request.workspaceFolder]).catch((error: unknown) => {
        // 404: a host from before the route; it judges by the timeline's folder alone.
        if (!(error instanceof RenderHostError && (error.code === 'folder-refused' || error.status === 404))) throw error;
      });
    }
    const headers: Record<string, string> = options.entitlement ? { [ENTITLEMENT_HEADER]: options.entitlement } : {};
    return this.json<JobAccepted>('POST', RenderHostRoutes.jobs, request, headers);
  }

  /** Registers folders renders may write into (the timelines inside them); answers every folder registered. */
  async registerWorkspaceFolders(folders: string[]): Promise<string[]> {
    const body: WorkspaceFoldersRequest = { folders };
    return (await this.json<WorkspaceFoldersRequest>('POST', RenderHostRoutes.workspaceFolders, body)).folders;
  }

  async list(): Promise<JobRecord[]> {
    return (await this.json<JobList>('GET', RenderHostRoutes.jobs)).jobs;
  }

  get(id: string): Promise<JobRecord> {
    return this.json<JobRecord>('GET', RenderHostRoutes.job(id));
  }

  /** Resolves once the job has stopped; the output path is left as it was. */
  cancel(id: string): Promise<JobRecord> {
    return this.json<JobRecord>('DELETE', RenderHostRoutes.job(id));
  }

  /** The job's events: first its current state, then progress until it ends. */
  async *events(id: string, signal?: AbortSignal): AsyncGenerator<JobEvent> {
    const response = await this.request('GET', RenderHostRoutes.jobEvents(id), undefined, {}, signal);
    if (!response.body) return;
    for await (const message of readSse(response.body)) {
      yield JSON.parse(message.data) as JobEvent;
    }
  }

  /** Follows a job to its end, calling `onEvent` for each event; resolves with the final record. */
  async follow(id: string, onEvent?: (event: JobEvent) => void, signal?: AbortSignal): Promise<JobRecord> {
    let last: JobRecord | undefined;
    for await (const event of this.events(id, signal)) {
      onEvent?.(event);
      last = event.job;
      if (isTerminalJobState(event.job.state) && event.type !== 'state') return event.job;
    }
    // The stream closed early (host stopped): ask once more.
    return last && isTerminalJobState(last.state) ? last : this.get(id);
  }

  /** The composite frame as PNG bytes. */
  async frame(request: FrameRequest, signal?: AbortSignal): Promise<Buffer> {
    const response = await this.request('POST', RenderHostRoutes.frames, request, {}, signal);
    return Buffer.from(await response.arrayBuffer());
  }

  /** A filmstrip or waveform PNG for the lanes (POST /v1/strips). */
  async strip(request: MediaStripRequest, signal?: AbortSignal): Promise<Buffer> {
    const response = await this.request('POST', RenderHostRoutes.strips, request, {}, signal);
    return Buffer.from(await response.arrayBuffer());
  }

  health(signal?: AbortSignal): Promise<HostHealth> {
    return this.json<HostHealth>('GET', RenderHostRoutes.health, undefined, {}, signal);
  }

  telemetry(): Promise<HostTelemetry> {
    return this.json<HostTelemetry>('GET', RenderHostRoutes.telemetry);
  }

  /** Asks the host to exit; running jobs end as `interrupted`, queued ones resume on the next start. */
  async shutdown(): Promise<void> {
    await this.json<unknown>('POST', RenderHostRoutes.shutdown);
  }

  /** Queues a detection (scene cuts, silences, highlights). */
  detect(request: DetectionJobRequest): Promise<{ id: string }> {
    return this.json<{ id: string }>('POST', DetectionRoutes.detections, request);
  }

  detection(id: string): Promise<DetectionJobRecord> {
    return this.json<DetectionJobRecord>('GET', DetectionRoutes.detection(id));
  }

  /** Resolves once the detection has stopped. */
  cancelDetection(id: string): Promise<DetectionJobRecord> {
    return this.json<DetectionJobRecord>('DELETE', DetectionRoutes.detection(id));
  }

  /** Polls a detection until it ends (detections are short; progress arrives with each poll). */
  async followDetection(id: string, onProgress?: (record: DetectionJobRecord) => void, signal?: AbortSignal, intervalMs = 250): Promise<DetectionJobRecord> {
    for (;;) {
      const record = await this.detection(id);
      onProgress?.(record);
      if (isFinishedDetection(record.state)) return record;
      if (signal?.aborted) return this.cancelDetection(id);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }

  private async json<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<T> {
    const response = await this.request(method, path, body, headers, signal);
    return (await response.json()) as T;
  }

  private async request(method: string, path: string, body: unknown, headers: Record<string, string>, signal?: AbortSignal): Promise<Response> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${this.address.token}`,
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      ...(signal ? { signal } : {}),
    });
    if (response.ok) return response;
    throw await errorFrom(response);
  }
}

async function errorFrom(response: Response): Promise<RenderHostError> {
  const retryAfter = Number(response.headers.get('retry-after'));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
  try {
    const body = (await response.json()) as HostErrorBody;
    return new RenderHostError(response.status, body.error.code, body.error.message, body.error.details, retryAfterSeconds);
  } catch {
    return new RenderHostError(response.status, 'http-error', `The render host answered ${response.status} ${response.statusText}.`, undefined, retryAfterSeconds);
  }
}
