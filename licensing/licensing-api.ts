// HTTP calls to the licensing Worker, typed by protocol/licensing. Never throws: a network failure
// is a result the caller can show ("offline") and fall back from.
import {
  LicensingRoutes,
  type DeactivateRequest,
  type DeactivateResponse,
  type EntitlementResponse,
  type LicensingErrorBody,
  type TrialRequest,
  type VerifyRequest,
} from '../protocol/licensing';

export type ApiResult<T> =
  | { ok: true; value: T }
  | { ok: false; status: number; error: LicensingErrorBody }
  /** status 0: the service could not be reached at all. */
  | { ok: false; status: 0; error: { error: 'unreachable'; message: string } };

export class LicensingApi {
  constructor(
    readonly baseUrl: string,
    private readonly doFetch: typeof fetch = fetch,
    private readonly timeoutMs = 10_000,
  ) {}

  verify(request: VerifyRequest): Promise<ApiResult<EntitlementResponse>> {
    return this.post(LicensingRoutes.verify, request);
  }

  trial(request: TrialRequest): Promise<ApiResult<EntitlementResponse>> {
    return this.post(LicensingRoutes.trial, request);
  }

  deactivate(request: DeactivateRequest): Promise<ApiResult<DeactivateResponse>> {
    return this.post(LicensingRoutes.deactivate, request);
  }

  private async post<T>(path: string, body: unknown): Promise<ApiResult<T>> {
    let response: Response;
    try {
      response = await this.doFetch(`${this.baseUrl.replace(/\/+$/, '')}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, status: 0, error: { error: 'unreachable', message: `The licensing service at ${this.baseUrl} is unreachable (${reason}).` } };
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      json = undefined;
    }
    if (response.ok) return { ok: true, value: json as T };
    const error = isErrorBody(json)
      ? json
      : ({ error: 'server-misconfigured', message: `The licensing service answered HTTP ${response.status}.` } as LicensingErrorBody);
    return { ok: false, status: response.status, error };
  }
}

function isErrorBody(value: unknown): value is LicensingErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as { error?: unknown }).error === 'string' &&
    typeof (value as { message?: unknown }).message === 'string';
}
