// What the licensing status bar item says, without VS Code: plan and days left, or why not.
import type { LicensingOutcome } from '../../render-host/entitlement/licensing-client';

export interface StatusBarContent {
  text: string;
  tooltip: string;
  /** True when the user should act (shown with the warning colour). */
  warning: boolean;
}

export function statusBarContent(outcome: LicensingOutcome): StatusBarContent {
  if (!outcome.ok) {
    return { text: '$(key) Atropos: unlicensed', tooltip: `${outcome.message}\nClick for the licence options.`, warning: true };
  }
  const plan = outcome.plan === 'trial' ? 'Trial' : 'Pro';
  const days = outcome.daysLeft === 1 ? '1 day' : `${outcome.daysLeft} days`;
  return {
    text: `$(verified) Atropos ${plan} · ${days}`,
    tooltip: `${plan} licence ${outcome.licenseId}; entitlement valid until ${outcome.expiresAt}. It renews in the background when online.`,
    warning: outcome.daysLeft < 2,
  };
}
