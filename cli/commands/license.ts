// `atropos license activate <key> | trial | status | deactivate`
import type { CliCommand, CliIO } from '../command';
import { CommandError, UsageError } from '../errors';
import { createLicensingClient } from '../../licensing/client-factory';
import { daysPhrase } from '../../licensing/days-phrase';
import type { LicensingOutcome, LicensingRefusal } from '../../licensing/licensing-client';
import type { EntitlementAction } from '../../protocol/entitlement-gate';
import { DEFAULT_LICENSING_URL } from '../../protocol/licensing';

const usage = `Usage: atropos license <activate KEY | trial | status | deactivate>

  activate KEY   activate a licence key on this device
  trial          start the 14-day free trial on this device
  status         show the licence on this device (works offline)
  deactivate     free this device's seat and forget the key here

Environment:
  ATROPOS_LICENSING_URL   licensing service (default ${DEFAULT_LICENSING_URL})
  ATROPOS_CONFIG_DIR      where the key and cached entitlement live (default $XDG_CONFIG_HOME/atropos)
`;

const HINTS: Record<EntitlementAction, string> = {
  'start-trial': 'atropos license trial',
  'enter-license-key': 'atropos license activate <key>',
  renew: 'renew your subscription',
  retry: 'try again',
};

export const licenseCommand: CliCommand = {
  name: 'license',
  summary: 'activate a licence, start a trial, show or deactivate it',
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    const [sub, ...rest] = args;
    const client = createLicensingClient({ env: io.env });
    switch (sub) {
      case 'activate': {
        if (rest.length !== 1 || !rest[0]) throw new UsageError('atropos license activate: give exactly one licence key (atropos license activate ATRO-XXXXX-…)');
        return report(io, await client.activate(rest[0]), 'Activated');
      }
      case 'trial':
        expectNone(rest, 'trial');
        return report(io, await client.startTrial(), 'Trial started');
      case 'status':
        expectNone(rest, 'status');
        return report(io, await client.refreshIfDue(), 'Licensed');
      case 'deactivate': {
        expectNone(rest, 'deactivate');
        const result = await client.deactivate();
        if (!result.ok) throw refusal(result);
        io.stdout.write(`${result.message}\n`);
        return 0;
      }
      default:
        throw new UsageError(sub ? `atropos license: unknown subcommand "${sub}" (activate, trial, status, deactivate)` : usage.trimEnd());
    }
  },
};

function expectNone(rest: string[], sub: string): void {
  if (rest.length) throw new UsageError(`atropos license ${sub}: takes no arguments (got "${rest.join(' ')}")`);
}

function report(io: CliIO, outcome: LicensingOutcome, verb: string): number {
  if (!outcome.ok) throw refusal(outcome);
  const plan = outcome.plan === 'trial' ? 'Trial' : 'Pro';
  const term = outcome.termEndsAt && outcome.daysLeft !== undefined ? `, trial ends ${outcome.termEndsAt} (${daysPhrase(outcome.daysLeft)} left)` : '';
  io.stdout.write(`${verb}: ${plan} (${outcome.licenseId})${term}; this device's entitlement is valid until ${outcome.expiresAt}.\n`);
  return 0;
}

/** One line: the reason, then what fixes it. Exit 3 = licensing refused. */
function refusal(outcome: LicensingRefusal): CommandError {
  const fixes = outcome.actions.map((a) => (a === 'renew' && outcome.subscriptionUrl ? `renew at ${outcome.subscriptionUrl}` : HINTS[a]));
  return new CommandError(`atropos license: ${outcome.message}${fixes.length ? ` Fix: ${fixes.join(' or ')}.` : ''}`, 3);
}
