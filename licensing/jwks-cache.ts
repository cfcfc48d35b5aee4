// The licensing service's public keys, cached in memory and on disk so that entitlements verify
// offline. A token whose `kid` is unknown triggers a refetch (keys rotate); a fetch that leaves the kid
// unknown holds off the next for a minute whatever the kid, so random kids cannot make us hammer the Worker. Only trusted keys are ever
// handed out (key-trust.ts): the pinned ones, or under an explicit dev trust what the service serves.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { JSONWebKeySet } from 'jose';
import { devTrustEnabled, pinnedKeySet, trustedKeys } from './key-trust';

export type KeyLookup =
  | { ok: true; keys: JSONWebKeySet }
  | { ok: false; reason: string };

/** What verification needs: the key set that should contain `kid`. */
export interface EntitlementKeySource {
  keysFor(kid: string): Promise<KeyLookup>;
}

export interface JwksCacheOptions {
  /** e.g. https://api.atropos-video.com/.well-known/jwks.json */
  jwksUrl: string;
  /** JSON file the keys persist in; omit to cache in memory only. */
  cacheFile?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Milliseconds before an unknown kid (any kid) may cause another fetch; default one minute. */
  unknownKidRetryMs?: number;
  now?: () => number;
  /** Trust what the service serves (development only); default devTrustEnabled(process.env). */
  devTrust?: boolean;
}

export class JwksCache implements EntitlementKeySource {
  private keys: JSONWebKeySet | undefined;
  private lastUnknownKidFetch: number | undefined;
  private inflight: Promise<JSONWebKeySet | string> | undefined;
  /** How many times the network was asked; tests read it. */
  fetchCount = 0;

  constructor(private readonly options: JwksCacheOptions) {}

  async keysFor(kid: string): Promise<KeyLookup> {
    this.keys ??= this.readDisk();
    const trusted = this.trusted();
    if (hasKid(trusted, kid)) return { ok: true, keys: trusted };
    const now = (this.options.now ?? Date.now)();
    const retryMs = this.options.unknownKidRetryMs ?? 60_000;
    if (this.lastUnknownKidFetch === undefined || now - this.lastUnknownKidFetch >= retryMs) {
      const fetched = await this.refetch();
      // Only a fetch that leaves the kid unknown uses up the minute: a rotation's new kid found on the
      // first try does not hold up the next one, while random kids cost one fetch per minute in all.
      if (!hasKid(this.trusted(), kid)) this.lastUnknownKidFetch = now;
      if (typeof fetched === 'string' && trusted.keys.length === 0) return { ok: false, reason: fetched };
    }
    // Still unknown: verification fails with "no matching key" rather than trusting anything.
    const after = this.trusted();
    return after.keys.length > 0 ? { ok: true, keys: after } : { ok: false, reason: 'no trusted signing keys are known yet' };
  }

  /** The cached keys this build may trust, plus the pinned keys (which need no fetch). */
  private trusted(): JSONWebKeySet {
    const devTrust = this.options.devTrust ?? devTrustEnabled();
    const pinned = pinnedKeySet().keys;
    const cached = this.keys ? trustedKeys(this.keys, devTrust).keys : [];
    return { keys: [...pinned, ...cached.filter((key) => !pinned.some((p) => p.kid === key.kid))] };
  }

  private refetch(): Promise<JSONWebKeySet | string> {
    this.inflight ??= this.download().finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  private async download(): Promise<JSONWebKeySet | string> {
    const doFetch = this.options.fetch ?? fetch;
    this.fetchCount++;
    try {
      const response = await doFetch(this.options.jwksUrl, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 8000),
      });
      if (!response.ok) return `the licensing service answered ${response.status} for its keys`;
      const body: unknown = await response.json();
      if (!isKeySet(body)) return 'the licensing service sent a malformed key set';
      this.keys = body;
      this.writeDisk(body);
      return body;
    } catch (error) {
      return `the licensing service is unreachable (${error instanceof Error ? error.message : String(error)})`;
    }
  }

  private readDisk(): JSONWebKeySet | undefined {
    if (!this.options.cacheFile) return undefined;
    try {
      const cached: unknown = JSON.parse(readFileSync(this.options.cacheFile, 'utf8'));
      return isKeySet(cached) ? cached : undefined;
    } catch {
      return undefined;
    }
  }

  private writeDisk(keys: JSONWebKeySet): void {
    const file = this.options.cacheFile;
    if (!file) return;
    try {
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(keys), { mode: 0o600 });
      renameSync(tmp, file);
    } catch {
      // A read-only config folder only costs offline verification; memory still has the keys.
    }
  }
}

function hasKid(keys: JSONWebKeySet, kid: string): boolean {
  return keys.keys.some((k) => k.kid === kid);
}

/** Only Ed25519 public keys with a kid are kept: a key set cannot smuggle in a secret or another algorithm. */
function isKeySet(value: unknown): value is JSONWebKeySet {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { keys?: unknown }).keys)) return false;
  const keys = (value as { keys: unknown[] }).keys;
  return keys.length > 0 && keys.every((k) => {
    const key = k as Record<string, unknown>;
    return typeof k === 'object' && k !== null && key.kty === 'OKP' && key.crv === 'Ed25519' &&
      typeof key.x === 'string' && typeof key.kid === 'string' && key.d === undefined;
  });
}
