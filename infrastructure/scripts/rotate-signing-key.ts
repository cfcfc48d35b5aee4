// Rotates the licensing Worker's Ed25519 signing key, one phase per run (docs/infrastructure.md):
//   npx tsx infrastructure/scripts/rotate-signing-key.ts publish --env production
//   npx tsx infrastructure/scripts/rotate-signing-key.ts switch  --env production --slot A
//   npx tsx infrastructure/scripts/rotate-signing-key.ts retire  --env production --active A --not-before 2026-12-10T13:00:00.000Z
// Add --dry-run to print the steps (values redacted) instead of running them, and --secret-names
// A,B,… to plan against those names instead of asking `wrangler secret list` (offline rehearsals).
// The new private key goes from memory straight into `wrangler secret put` on stdin; it is never
// printed or written.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
import { planPublish, planRetire, planSwitch, RotationRefused, type RotationStep, type Slot } from './signing-rotation';

const workerDir = join(__dirname, '..', '..', 'worker');
const wrangler = join(workerDir, '..', 'node_modules', '.bin', 'wrangler');

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function slotFlag(name: string): Slot {
  const value = flag(name);
  if (value !== 'A' && value !== 'B') throw new RotationRefused(`--${name} must be A or B`);
  return value;
}

function secretNames(env: string): string[] {
  const given = flag('secret-names');
  if (given !== undefined) return given.split(',').filter(Boolean);
  const json = execFileSync(wrangler, ['secret', 'list', '--env', env, '--format', 'json'], { cwd: workerDir, encoding: 'utf8' });
  return (JSON.parse(json) as Array<{ name: string }>).map((s) => s.name);
}

function run(env: string, steps: RotationStep[], dryRun: boolean): void {
  for (const step of steps) {
    const args = 'put' in step ? ['secret', 'put', step.put, '--env', env] : ['secret', 'delete', step.delete, '--env', env];
    console.log(`${dryRun ? '(dry run) ' : ''}wrangler ${args.join(' ')}`);
    if (!dryRun) execFileSync(wrangler, args, { cwd: workerDir, input: 'put' in step ? step.value : 'y\n', stdio: ['pipe', 'inherit', 'inherit'] });
  }
}

async function main(): Promise<void> {
  const phase = process.argv[2];
  const env = flag('env');
  if (env !== 'dev' && env !== 'production') throw new RotationRefused('--env must be dev or production');
  const dryRun = process.argv.includes('--dry-run');
  const names = secretNames(env);
  const me = 'npx tsx infrastructure/scripts/rotate-signing-key.ts';
  if (phase === 'publish') {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const kid = `${env}-${new Date().toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(3).toString('hex')}`;
    const plan = planPublish(names, JSON.stringify({ ...(await exportJWK(privateKey)), kid }));
    run(env, plan.steps, dryRun);
    console.log(`Published kid ${kid} in slot ${plan.slot} (not signing yet). Wait at least 10 minutes, check it is in /.well-known/jwks.json, then:\n  ${me} switch --env ${env} --slot ${plan.slot}`);
  } else if (phase === 'switch') {
    const slot = slotFlag('slot');
    const plan = planSwitch(names, slot, Date.now());
    run(env, plan.steps, dryRun);
    console.log(`Slot ${slot} signs now; ${plan.retire.join(', ') || 'no other key'} stays published until every token it signed has expired. Then:\n  ${me} retire --env ${env} --active ${slot} --not-before ${plan.notBefore.toISOString()}`);
  } else if (phase === 'retire') {
    const notBefore = new Date(flag('not-before') ?? '');
    if (Number.isNaN(notBefore.getTime())) throw new RotationRefused('--not-before must be the time the switch printed');
    run(env, planRetire(names, slotFlag('active'), notBefore, Date.now()), dryRun);
    console.log('Old keys retired: /.well-known/jwks.json now lists the active key only.');
  } else {
    throw new RotationRefused('usage: rotate-signing-key.ts publish|switch|retire --env dev|production [--slot A|B] [--active A|B --not-before ISO] [--dry-run]');
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof RotationRefused ? `rotate-signing-key: ${error.message}` : error);
  process.exit(1);
});
