// A refused final render (402/403 from the render host) carries `details.actions`; each becomes a
// button that runs a licensing command. Pure, so the mapping is tested without `vscode`.

import type { EntitlementAction } from '../../protocol/entitlement-gate';

export interface RefusalButton {
  label: string;
  /** A command registered by extension/licensing, or `retry` to submit the render again. */
  command: string | 'retry';
}

const BUTTONS: Record<EntitlementAction, RefusalButton> = {
  'start-trial': { label: 'Start Free Trial', command: 'atropos.license.startTrial' },
  'enter-license-key': { label: 'Enter License Key', command: 'atropos.license.enterKey' },
  renew: { label: 'Renew', command: 'atropos.license.renew' },
  retry: { label: 'Retry', command: 'retry' },
};

export function refusalButtons(actions: unknown): RefusalButton[] {
  if (!Array.isArray(actions)) return [];
  return actions.filter((a): a is EntitlementAction => typeof a === 'string' && a in BUTTONS).map((a) => BUTTONS[a]);
}
