// infrastructure/terraform read with HashiCorp's HCL parser (@cdktf/hcl2json, WebAssembly): its
// variables, tfvars, outputs and modules agree with worker/wrangler.toml, the Worker's code, the
// clients' default host and docs/infrastructure.md; no secret value is written anywhere.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { DEFAULT_LICENSING_URL, DEV_LICENSING_URL, LICENSING_HOST, DEV_LICENSING_HOST } from '../../protocol/licensing';
import { DEFAULT_SETTINGS } from '../../protocol/settings';
import { licensingBaseUrl } from '../../licensing/config-dir';
import { RENDERED_OUTPUTS, replaceWranglerEnv, wranglerEnvFromOutputs, type TerraformOutputs } from '../../infrastructure/scripts/wrangler-env';
import { DURABLE_OBJECT_BINDINGS } from '../src/durable/bindings';
import { HANDLED_STRIPE_EVENTS } from '../src/stripe-events';

const root = join(__dirname, '..', '..');
const tfDir = join(root, 'infrastructure', 'terraform');
const read = (...p: string[]) => readFileSync(join(root, ...p), 'utf8');
const ENVS = ['dev', 'prod'] as const;
/** Variables the operator supplies from the environment (TF_VAR_…), never from a tfvars file. */
const FROM_ENVIRONMENT = ['cloudflare_account_id'];

type Hcl = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function filesUnder(dir: string, test: (name: string) => boolean): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (name === '.terraform' || name === 'node_modules') continue;
    if (statSync(full).isDirectory()) found.push(...filesUnder(full, test));
    else if (test(name)) found.push(full);
  }
  return found;
}

async function hcl(path: string): Promise<Hcl> {
  return parse(path, readFileSync(path, 'utf8')) as Promise<Hcl>;
}

/** All blocks of one folder's .tf files, merged the way Terraform reads a module. */
async function moduleBlocks(dir: string): Promise<Hcl> {
  const merged: Hcl = {};
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.tf')).sort()) {
    const parsed = await hcl(join(dir, name));
    for (const [kind, blocks] of Object.entries(parsed)) {
      merged[kind] = Array.isArray(blocks) ? [...(merged[kind] ?? []), ...blocks] : { ...(merged[kind] ?? {}), ...blocks };
    }
  }
  return merged;
}

const outputValue = (m: Hcl, name: string): unknown => m.output?.[name]?.[0]?.value;

describe('infrastructure/terraform', () => {
  let rootModule: Hcl;
  const tfvars: Record<string, Hcl> = {};
  const fixtures: Record<string, TerraformOutputs> = {};
  const modules: Record<string, Hcl> = {};

  before(async () => {
    rootModule = await moduleBlocks(tfDir);
    for (const env of ENVS) {
      tfvars[env] = await hcl(join(tfDir, 'env', `${env}.tfvars`));
      fixtures[env] = JSON.parse(read('infrastructure', 'fixtures', `terraform-output.${env}.json`)) as TerraformOutputs;
    }
    for (const name of readdirSync(join(tfDir, 'modules'))) modules[name] = await moduleBlocks(join(tfDir, 'modules', name));
  });

  it('pins the Cloudflare provider exactly, keeps state remote, and the backend holds no credentials', () => {
    const terraform = rootModule.terraform[0];
    const cloudflare = terraform.required_providers[0].cloudflare;
    assert.equal(cloudflare.source, 'cloudflare/cloudflare');
    assert.match(cloudflare.version, /^\d+\.\d+\.\d+$/);
    const backend = terraform.backend.s3[0];
    assert.equal(backend.use_lockfile, true);
    for (const forbidden of ['access_key', 'secret_key', 'token', 'endpoints', 'profile', 'shared_credentials_files']) assert.equal(backend[forbidden], undefined, forbidden);
    assert.deepEqual(rootModule.provider.cloudflare, [{}], 'the provider takes its token from CLOUDFLARE_API_TOKEN');
    // Every module that declares Cloudflare resources names the provider's source (else Terraform looks for hashicorp/cloudflare).
    for (const [name, m] of Object.entries(modules)) {
      const usesCloudflare = [...Object.keys(m.resource ?? {}), ...Object.keys(m.data ?? {})].some((t) => t.startsWith('cloudflare_'));
      if (usesCloudflare) assert.equal(m.terraform?.[0]?.required_providers?.[0]?.cloudflare?.source, 'cloudflare/cloudflare', name);
    }
  });

  it('has a module per feature: KV namespace, host (DNS), Durable Objects, secrets, Stripe webhook', () => {
    const used = Object.values(rootModule.module as Record<string, Array<{ source: string }>>).map((m) => m[0]?.source).sort();
    assert.deepEqual(used, ['./modules/durable-objects', './modules/licensing-kv', './modules/stripe-webhook', './modules/worker-host', './modules/worker-secrets']);
    assert.deepEqual(Object.keys(modules).sort(), used.map((s) => s.replace('./modules/', '')));
    assert.ok(modules['licensing-kv']?.resource?.cloudflare_workers_kv_namespace?.licenses);
    assert.ok(modules['worker-host']?.resource?.cloudflare_dns_record?.api);
  });

  it('both environments set the same variables: every declared one except those from the environment', () => {
    const declared = Object.keys(rootModule.variable).sort();
    for (const env of ENVS) {
      assert.deepEqual(Object.keys(tfvars[env] as Hcl).sort(), declared.filter((v) => !FROM_ENVIRONMENT.includes(v)), env);
      assert.equal(tfvars[env]?.environment, env);
    }
    assert.equal(tfvars.dev?.wrangler_env, 'dev');
    assert.equal(tfvars.prod?.wrangler_env, 'production');
  });

  it('serves the clients\' default host in production and the dev host in dev (stated once, in protocol/licensing.ts)', () => {
    assert.equal(tfvars.prod?.api_hostname, LICENSING_HOST);
    assert.equal(tfvars.dev?.api_hostname, DEV_LICENSING_HOST);
    assert.equal(DEFAULT_LICENSING_URL, `https://${LICENSING_HOST}`);
    assert.equal(DEV_LICENSING_URL, `https://${DEV_LICENSING_HOST}`);
    const manifest = JSON.parse(read('package.json')) as { contributes: { configuration: { properties: Record<string, { default: unknown }> } } };
    assert.equal(manifest.contributes.configuration.properties['atropos.licensing.apiBaseUrl']?.default, DEFAULT_LICENSING_URL);
    assert.equal(DEFAULT_SETTINGS.licensing.apiBaseUrl, DEFAULT_LICENSING_URL);
    assert.equal(licensingBaseUrl({}), DEFAULT_LICENSING_URL);
    assert.match(read('worker', 'wrangler.toml'), new RegExp(`\\[env\\.production\\]\\nname = "license-api"\\nroutes = \\[\\{ pattern = "${LICENSING_HOST.replaceAll('.', '\\.')}/\\*"`));
    // No other host is named as the licensing service anywhere a user or operator reads.
    for (const file of ['package.json', 'docs/licensing.md', 'docs/infrastructure.md', 'cli/commands/license.ts']) {
      assert.doesNotMatch(read(file), /licensing\.atropos\.app|atropos\.workers\.dev/, file);
    }
  });

  it('declares every output wrangler needs, and the saved outputs are what these tfvars give', () => {
    const declared = Object.keys(rootModule.output);
    for (const name of [...RENDERED_OUTPUTS, 'licensing_url', 'secret_names', 'stripe_webhook']) assert.ok(declared.includes(name), name);
    for (const env of ENVS) {
      const v = tfvars[env] as Hcl;
      const out = Object.fromEntries(Object.entries(fixtures[env] as TerraformOutputs).map(([k, o]) => [k, o.value]));
      assert.deepEqual(Object.keys(out).sort(), declared.sort(), `${env}: the saved outputs are the declared ones`);
      const url = `https://${v.api_hostname}`;
      assert.deepEqual({ ...out, kv_namespaces: Object.keys(out.kv_namespaces as object) }, {
        wrangler_env: v.wrangler_env,
        worker_name: v.worker_name,
        routes: [{ pattern: `${v.api_hostname}/*`, zone_name: v.zone_name }],
        licensing_url: url,
        kv_namespaces: [outputValue(modules['licensing-kv'] as Hcl, 'binding')],
        durable_objects: outputValue(modules['durable-objects'] as Hcl, 'bindings'),
        durable_object_migrations: outputValue(modules['durable-objects'] as Hcl, 'migrations'),
        vars: { ENVIRONMENT: v.wrangler_env, SUBSCRIPTION_URL: v.subscription_url, DEFAULT_MAX_DEVICES: String(v.default_max_devices), TRIALS_PER_IP_PER_DAY: String(v.trials_per_ip_per_day) },
        secret_names: outputValue(modules['worker-secrets'] as Hcl, 'names'),
        stripe_webhook: { url: `${url}/stripe/webhook`, events: (outputValue(modules['stripe-webhook'] as Hcl, 'endpoint') as { events: string[] }).events },
      }, env);
    }
    // The vars Terraform renders are the ones main.tf's local names, from the variables of the same meaning.
    assert.deepEqual(rootModule.locals[0].worker_vars, {
      ENVIRONMENT: '${var.wrangler_env}',
      SUBSCRIPTION_URL: '${var.subscription_url}',
      DEFAULT_MAX_DEVICES: '${tostring(var.default_max_devices)}',
      TRIALS_PER_IP_PER_DAY: '${tostring(var.trials_per_ip_per_day)}',
    });
  });

  it('wrangler.toml\'s env blocks are exactly what render-wrangler-env makes of those outputs', () => {
    const toml = read('worker', 'wrangler.toml');
    for (const env of ENVS) assert.equal(replaceWranglerEnv(toml, wranglerEnvFromOutputs(fixtures[env] as TerraformOutputs)), toml, env);
    assert.throws(() => wranglerEnvFromOutputs({ ...fixtures.prod, vars: { value: {}, sensitive: true } }), /sensitive: secrets never go into wrangler.toml/);
  });

  it('lists the Worker\'s own Durable Objects, Stripe events and secrets', () => {
    const bindings = outputValue(modules['durable-objects'] as Hcl, 'bindings') as Array<{ name: string; class_name: string }>;
    assert.deepEqual(Object.fromEntries(bindings.map((b) => [b.name, b.class_name])), DURABLE_OBJECT_BINDINGS);
    const migrated = (outputValue(modules['durable-objects'] as Hcl, 'migrations') as Array<{ new_sqlite_classes?: string[] }>).flatMap((m) => m.new_sqlite_classes ?? []);
    assert.deepEqual(migrated.sort(), Object.values(DURABLE_OBJECT_BINDINGS).sort());
    const index = read('worker', 'src', 'index.ts');
    for (const className of Object.values(DURABLE_OBJECT_BINDINGS)) assert.match(index, new RegExp(`export \\{ ${className} \\}`));
    assert.deepEqual((outputValue(modules['stripe-webhook'] as Hcl, 'endpoint') as { events: string[] }).events.sort(), [...HANDLED_STRIPE_EVENTS].sort());
    const secrets = outputValue(modules['worker-secrets'] as Hcl, 'names') as string[];
    const env = read('worker', 'src', 'env.ts');
    for (const name of secrets) assert.match(env, new RegExp(`\\b${name}\\??: string`), name);
    const docs = read('docs', 'infrastructure.md');
    for (const name of secrets) assert.ok(docs.includes(name), `docs/infrastructure.md names ${name}`);
  });

  it('docs/infrastructure.md gives bootstrap, plan, apply, deploy and rotate, in that order, with the real commands', () => {
    const docs = read('docs', 'infrastructure.md');
    const headings = [...docs.matchAll(/^## (.+)$/gm)].map((m) => m[1]?.toLowerCase() ?? '');
    const order = ['bootstrap', 'plan', 'apply', 'deploy', 'rotate'].map((word) => headings.findIndex((h) => h.startsWith(word)));
    assert.ok(order.every((i) => i >= 0), headings.join(' | '));
    assert.deepEqual([...order].sort((a, b) => a - b), order);
    for (const command of [
      'terraform workspace select', 'terraform plan -var-file=env/', 'terraform apply', 'render-wrangler-env.ts',
      'wrangler deploy --env production', 'wrangler deploy --env dev', 'rotate-signing-key.ts', 'rotate-stripe-webhook-secret.sh',
    ]) assert.ok(docs.includes(command), command);
    for (const env of ENVS) assert.ok(docs.includes(`env/${env}.tfvars`), env);
    for (const output of RENDERED_OUTPUTS) assert.ok(docs.includes(output), `docs name the output ${output}`);
  });

  it('no secret value appears in the infrastructure, wrangler.toml or the docs', () => {
    const files = [
      ...filesUnder(join(root, 'infrastructure'), () => true),
      join(root, 'worker', 'wrangler.toml'),
      join(root, 'docs', 'infrastructure.md'),
      join(root, 'docs', 'licensing.md'),
    ];
    const secretShapes: Array<[string, RegExp]> = [
      ['private JWK', /"d"\s*:\s*"[A-Za-z0-9_-]{20,}"/],
      ['Stripe webhook secret', /whsec_[A-Za-z0-9]{16,}/],
      ['Stripe API key', /\b[sr]k_(live|test)_[A-Za-z0-9]{10,}/],
      ['AWS / R2 access key', /\bAKIA[0-9A-Z]{16}\b/],
      ['PEM private key', /BEGIN [A-Z ]*PRIVATE KEY/],
      ['assigned secret', /\b(SIGNING_KEY|SIGNING_KEY_PREVIOUS|STRIPE_WEBHOOK_SECRET|ADMIN_TOKEN|api_token|CLOUDFLARE_API_TOKEN|AWS_SECRET_ACCESS_KEY)\s*=\s*["'][^"'$<{]/],
    ];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const [what, shape] of secretShapes) assert.doesNotMatch(text, shape, `${what} in ${relative(root, file)}`);
    }
    // Terraform never takes a secret: no variable or output is sensitive, none is named like one.
    for (const name of Object.keys(rootModule.variable)) assert.doesNotMatch(name, /secret|token|password|private|signing/i, name);
    for (const [name, blocks] of Object.entries(rootModule.output as Record<string, Array<{ sensitive?: boolean }>>)) assert.notEqual(blocks[0]?.sensitive, true, name);
  });
});
