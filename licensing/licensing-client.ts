// The licensing client shared by the extension and the CLI, free of VS Code: activation, trial,
// deactivation, local status, background refresh (< 48 h left) and the token for final renders.
// Offline, a cached entitlement is honoured until it expires; every refusal says why and what fixes it.
import { decodeJwt } from 'jose';
import type { EntitlementAction } from '../protocol/entitlement-gate';
import {
  FEATURE_FINAL_RENDER,
  PRODUCT_ID,
  REFRESH_BEFORE_EXPIRY_SECONDS,
  REVALIDATE_AFTER_SECONDS,
  type EntitlementResponse,
  type LicensePlan,
} from '../protocol/licensing';
import type { EntitlementKeySource } from './jwks-cache';
import type { ApiResult, LicensingApi } from './licensing-api';
import type { LicensingStorage, StoredEntitlement } from './entitlement-storage';
import { actionsFor } from './refusal';
import { verifyEntitlement } from './verify-entitlement';

export interface ActiveLicence {
  ok: true;
  plan: LicensePlan;
  source: 'license' | 'trial';
  licenseId: string;
  /** When this entitlement token runs out (it renews in the background long before). */
  expiresAt: string;
  /** The trial's end; absent for a licence without an end date. */
  termEndsAt?: string;
  /** Whole days left of the trial, rounded down (0 on the last day); absent without an end date. */
  daysLeft?: number;
  token: string;
}

export interface LicensingRefusal {
  ok: false;
  message: string;
  actions: EntitlementAction[];
  subscriptionUrl?: string;
}

export type LicensingOutcome = ActiveLicence | LicensingRefusal;

export interface LicensingClientOptions {
  api: LicensingApi;
  storage: LicensingStorage;
  keys: EntitlementKeySource;
  /** This machine's device fingerprint (hashed). */
  deviceId: string;
  deviceName: string;
  version: string;
  subscriptionUrl: string;
  now?: () => number;
}

export class LicensingClient {
  constructor(private readonly options: LicensingClientOptions) {}

  private now() {
    return (this.options.now ?? Date.now)();
  }

  async activate(licenseKey: string): Promise<LicensingOutcome> {
    const key = licenseKey.trim().toUpperCase();
    const result = await this.options.api.verify({
      licenseKey: key,
      deviceId: this.options.deviceId,
      deviceName: this.options.deviceName,
      product: PRODUCT_ID,
      version: this.options.version,
    });
    const outcome = await this.accept(result, 'license');
    if (outcome.ok) await this.options.storage.writeKey(key);
    return outcome;
  }

  async startTrial(): Promise<LicensingOutcome> {
    const result = await this.options.api.trial({ deviceId: this.options.deviceId, deviceName: this.options.deviceName, product: PRODUCT_ID, version: this.options.version });
    return this.accept(result, 'trial');
  }

  /** Frees this device's seat, then forgets the key and the entitlement here. */
  async deactivate(): Promise<{ ok: true; message: string } | LicensingRefusal> {
    const key = await this.options.storage.readKey();
    if (!key) {
      await this.options.storage.deleteEntitlement();
      return { ok: true, message: 'No licence key is stored on this device; nothing to deactivate.' };
    }
    const result = await this.options.api.deactivate({ licenseKey: key, deviceId: this.options.deviceId });
    if (!result.ok && result.status === 0) {
      return { ok: false, message: `${result.error.message} The seat is still taken; try again when online.`, actions: ['retry'] };
    }
    await this.options.storage.deleteKey();
    await this.options.storage.deleteEntitlement();
    if (!result.ok) return { ok: true, message: `Removed the licence from this device (the service said: ${result.error.message})` };
    return { ok: true, message: `This device is deactivated; ${result.value.devicesUsed} of ${result.value.maxDevices} seats are in use.` };
  }

  /** What the cached entitlement is worth right now, checked locally (JWKS from cache when offline). */
  async status(): Promise<LicensingOutcome> {
    const stored = await this.options.storage.readEntitlement();
    if (!stored) {
      const hasKey = Boolean(await this.options.storage.readKey());
      return hasKey
        ? { ok: false, message: 'The licence key is stored but no entitlement is cached; go online to refresh it.', actions: ['retry', 'enter-license-key'] }
        : { ok: false, message: 'No licence on this device: final renders need a licence key or a free trial.', actions: ['start-trial', 'enter-license-key'] };
    }
    const verified = await verifyEntitlement(stored.token, {
      keys: this.options.keys,
      deviceFingerprints: [this.options.deviceId],
      requiredFeature: FEATURE_FINAL_RENDER,
      now: this.now(),
    });
    if (!verified.ok) {
      const actions = stored.source === 'trial' && verified.code === 'entitlement-expired' ? (['renew', 'enter-license-key'] as EntitlementAction[]) : actionsFor(verified.code);
      return { ok: false, message: verified.message, actions, ...(actions.includes('renew') ? { subscriptionUrl: this.options.subscriptionUrl } : {}) };
    }
    const termEnd = verified.claims.term_end;
    const term = termEnd === undefined ? {} : {
      termEndsAt: new Date(termEnd * 1000).toISOString(),
      daysLeft: Math.max(0, Math.floor((termEnd - Math.floor(this.now() / 1000)) / 86400)),
    };
    return {
      ok: true,
      plan: verified.claims.plan,
      source: stored.source,
      licenseId: verified.claims.sub,
      expiresAt: new Date(verified.claims.exp * 1000).toISOString(),
      ...term,
      token: stored.token,
    };
  }

  /** True when a cached entitlement has less than 48 hours left or is 12 hours old (so a revocation
   *  reaches an online client within a day), or none is cached but a key is. */
  async refreshDue(): Promise<boolean> {
    const stored = await this.options.storage.readEntitlement();
    if (!stored) return Boolean(await this.options.storage.readKey());
    if (Date.parse(stored.expiresAt) - this.now() < REFRESH_BEFORE_EXPIRY_SECONDS * 1000) return true;
    const issuedAt = issuedAtMs(stored.token);
    return issuedAt === undefined || this.now() - issuedAt >= REVALIDATE_AFTER_SECONDS * 1000;
  }

  /**
   * Refreshes when due. Unreachable: the cached entitlement stays (honoured offline until expiry).
   * A definite no from the service (revoked, lapsed, unknown): the cache is dropped and the refusal returned.
   */
  async refreshIfDue(): Promise<LicensingOutcome> {
    if (!(await this.refreshDue())) return this.status();
    const stored = await this.options.storage.readEntitlement();
    const key = await this.options.storage.readKey();
    const result = stored?.source === 'trial' || !key
      ? await this.options.api.trial({ deviceId: this.options.deviceId, deviceName: this.options.deviceName, product: PRODUCT_ID, version: this.options.version })
      : await this.options.api.verify({ licenseKey: key, deviceId: this.options.deviceId, deviceName: this.options.deviceName, product: PRODUCT_ID, version: this.options.version });
    if (!result.ok && (result.status === 0 || result.status === 429 || result.status >= 500)) return this.status();
    if (!result.ok && !stored && !key) return this.status();
    const outcome = await this.accept(result, stored?.source ?? (key ? 'license' : 'trial'));
    if (!outcome.ok) await this.options.storage.deleteEntitlement();
    return outcome;
  }

  /** The entitlement token to send with a final render, or undefined when there is none that verifies. */
  async entitlementForRender(): Promise<string | undefined> {
    const outcome = await this.refreshIfDue();
    return outcome.ok ? outcome.token : undefined;
  }

  private async accept(result: ApiResult<EntitlementResponse>, source: 'license' | 'trial'): Promise<LicensingOutcome> {
    if (!result.ok) return this.refusalFromApi(result);
    const entitlement: StoredEntitlement = { token: result.value.token, expiresAt: result.value.expiresAt, plan: result.value.plan, source };
    const previous = await this.options.storage.readEntitlement();
    await this.options.storage.writeEntitlement(entitlement);
    const status = await this.status();
    // Never keep a token we cannot verify ourselves (wrong service, tampered answer).
    if (!status.ok) {
      if (previous) await this.options.storage.writeEntitlement(previous);
      else await this.options.storage.deleteEntitlement();
    }
    return status;
  }

  private refusalFromApi(result: Exclude<ApiResult<unknown>, { ok: true }>): LicensingRefusal {
    const { error } = result;
    const url = error.error !== 'unreachable' ? error.subscriptionUrl : undefined;
    switch (error.error) {
      case 'unreachable':
        return { ok: false, message: error.message, actions: ['retry'] };
      case 'subscription-lapsed':
        return { ok: false, message: error.message, actions: ['renew', 'enter-license-key'], subscriptionUrl: url ?? this.options.subscriptionUrl };
      case 'trial-already-used':
        return { ok: false, message: error.message, actions: ['renew', 'enter-license-key'], subscriptionUrl: url ?? this.options.subscriptionUrl };
      case 'device-limit-reached': {
        const names = (error.devices ?? []).map((d) => d.name).join(', ');
        return { ok: false, message: `${error.message}${names ? ` Active on: ${names}.` : ''} Run "Deactivate This Device" on one of them, then retry.`, actions: ['retry'] };
      }
      case 'rate-limited':
        return { ok: false, message: error.message, actions: ['retry'] };
      case 'unknown-license':
      case 'license-revoked':
      case 'malformed-request':
        return { ok: false, message: error.message, actions: ['enter-license-key', 'start-trial'] };
      default:
        return { ok: false, message: `${error.message} (HTTP ${result.status})`, actions: ['retry'] };
    }
  }
}

/** The token's `iat` in milliseconds (read without verifying: it only decides when to ask again). */
function issuedAtMs(token: string): number | undefined {
  try {
    const iat = decodeJwt(token).iat;
    return typeof iat === 'number' && Number.isFinite(iat) ? iat * 1000 : undefined;
  } catch {
    return undefined;
  }
}
