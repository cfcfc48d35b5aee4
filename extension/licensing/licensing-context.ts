// What the licensing commands share: the client for the current settings and the status refresh.
import type { LicensingClient, LicensingOutcome } from '../../licensing/licensing-client';

export interface LicensingContext {
  client(): LicensingClient;
  subscriptionUrl(): string;
  /** Re-reads (or takes) the status and updates the status bar. */
  refreshStatus(outcome?: LicensingOutcome): Promise<void>;
}
