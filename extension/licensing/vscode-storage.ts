// LicensingStorage on VS Code: the licence key in SecretStorage (the OS keychain), the cached
// entitlement (a signed, device-bound token, not a secret) in globalState.
import type * as vscode from 'vscode';
import type { LicensingStorage, StoredEntitlement } from '../../licensing/entitlement-storage';

const KEY_SECRET = 'atropos.licenseKey';
const ENTITLEMENT_STATE = 'atropos.entitlement';

export class VsCodeLicensingStorage implements LicensingStorage {
  constructor(private readonly secrets: vscode.SecretStorage, private readonly state: vscode.Memento) {}

  async readKey() {
    return (await this.secrets.get(KEY_SECRET)) || undefined;
  }

  async writeKey(key: string) {
    await this.secrets.store(KEY_SECRET, key);
  }

  async deleteKey() {
    await this.secrets.delete(KEY_SECRET);
  }

  async readEntitlement() {
    return this.state.get<StoredEntitlement>(ENTITLEMENT_STATE);
  }

  async writeEntitlement(entitlement: StoredEntitlement) {
    await this.state.update(ENTITLEMENT_STATE, entitlement);
  }

  async deleteEntitlement() {
    await this.state.update(ENTITLEMENT_STATE, undefined);
  }
}
