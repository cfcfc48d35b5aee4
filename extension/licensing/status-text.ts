// What the licensing status bar item says, without VS Code: plan and trial days left, or why not.
import type { LicensingOutcome } from '../../licensing/licensing-client';
import { daysPhrase } from '../../licensing/days-phrase';

export interface StatusBarContent {
  text: string;
  tooltip: string;
  /** True when the user should act (shown with the warning colour). */
  warning: boolean;
}

const DAY_MS = 86_400_000;

export function statusBarContent(outcome: LicensingOutcome, now = Date.now()): StatusBarContent {
  if (!outcome.ok) {
    return { text: '$(key) Atropos: unlicensed', tooltip: `${outcome.message}\nClick for the licence options.`, warning: true };
  }
  const plan = outcome.plan === 'trial' ? 'Trial' : 'Pro';
  const left = outcome.daysLeft === undefined ? '' : ` · ${daysPhrase(outcome.daysLeft)}`;
  const term = outcome.termEndsAt ? ` The trial ends ${outcome.termEndsAt}.` : '';
  // Less than a day on the token means the background renewal has not reached the service.
  const renewalOverdue = Date.parse(outcome.expiresAt) - now < DAY_MS;
  return {
    text: `$(verified) Atropos ${plan}${left}`,
    tooltip: `${plan} licence ${outcome.licenseId}.${term} This device's entitlement is valid until ${outcome.expiresAt}; it renews in the background when online.`,
    warning: (outcome.daysLeft !== undefined && outcome.daysLeft < 2) || renewalOverdue,
  };
}
