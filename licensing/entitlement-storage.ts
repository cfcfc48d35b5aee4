// Where a client keeps its licence key and its cached entitlement. The extension backs these with
// SecretStorage and globalState; the CLI with 0600 files in the config folder.
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LicensePlan } from '../protocol/licensing';

export interface StoredEntitlement {
  token: string;
  expiresAt: string;
  plan: LicensePlan;
  /** How it was obtained, so a refresh asks the same route. */
  source: 'license' | 'trial';
}

export interface LicensingStorage {
  readKey(): Promise<string | undefined>;
  writeKey(key: string): Promise<void>;
  deleteKey(): Promise<void>;
  readEntitlement(): Promise<StoredEntitlement | undefined>;
  writeEntitlement(entitlement: StoredEntitlement): Promise<void>;
  deleteEntitlement(): Promise<void>;
}

/** Files in the config folder, readable by the user only (0600, folder 0700). */
export class FileLicensingStorage implements LicensingStorage {
  constructor(private readonly dir: string) {}

  private get keyFile() {
    return join(this.dir, 'license-key');
  }

  private get entitlementFile() {
    return join(this.dir, 'entitlement.json');
  }

  async readKey() {
    return readText(this.keyFile)?.trim() || undefined;
  }

  async writeKey(key: string) {
    this.writePrivate(this.keyFile, `${key}\n`);
  }

  async deleteKey() {
    rmSync(this.keyFile, { force: true });
  }

  async readEntitlement() {
    const text = readText(this.entitlementFile);
    if (!text) return undefined;
    try {
      const value = JSON.parse(text) as StoredEntitlement;
      return typeof value.token === 'string' && typeof value.expiresAt === 'string' ? value : undefined;
    } catch {
      return undefined;
    }
  }

  async writeEntitlement(entitlement: StoredEntitlement) {
    this.writePrivate(this.entitlementFile, JSON.stringify(entitlement, null, 2));
  }

  async deleteEntitlement() {
    rmSync(this.entitlementFile, { force: true });
  }

  private writePrivate(file: string, text: string) {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, text, { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, file);
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
