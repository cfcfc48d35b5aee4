// `wrangler deploy --dry-run` builds both environments offline, each bound to its own KV namespace
// and to the Durable Objects that keep seats, rate limits and trials exact.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DURABLE_OBJECT_BINDINGS } from '../src/durable/bindings';

const workerDir = join(__dirname, '..');
const wrangler = join(workerDir, '..', 'node_modules', '.bin', 'wrangler');
const scratch = mkdtempSync(join(tmpdir(), 'atropos-wrangler-'));
const offline = {
  ...process.env,
  XDG_CONFIG_HOME: join(scratch, 'config'),
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_SEND_ERROR_REPORTS: 'false',
  WRANGLER_HIDE_BANNER: 'true',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
};

describe('wrangler.toml', () => {
  after(() => rmSync(scratch, { recursive: true, force: true }));

  for (const [env, kvId] of [['dev', '11111111111111111111111111111111'], ['production', '22222222222222222222222222222222']] as const) {
    it(`dry-run deploy of ${env} bundles the Worker with its own KV namespace and its Durable Objects`, () => {
      const outdir = join(scratch, env);
      const run = spawnSync(wrangler, ['deploy', '--dry-run', '--env', env, '--outdir', outdir], { cwd: workerDir, env: offline, encoding: 'utf8', timeout: 60_000 });
      assert.equal(run.status, 0, run.stderr + run.stdout);
      assert.match(run.stdout, new RegExp(`env\\.LICENSES \\(${kvId}\\)`));
      assert.match(run.stdout, new RegExp(`env\\.ENVIRONMENT \\("${env}"\\)`));
      for (const [binding, className] of Object.entries(DURABLE_OBJECT_BINDINGS)) {
        assert.match(run.stdout, new RegExp(`env\\.${binding} \\(${className}\\) +Durable Object`));
      }
      assert.ok(existsSync(join(outdir, 'index.js')));
      // No secret material is baked into the bundle.
      assert.doesNotMatch(readFileSync(join(outdir, 'index.js'), 'utf8'), /"d":"/);
    });
  }

  it('names the Workers and routes our infrastructure expects', () => {
    const toml = readFileSync(join(workerDir, 'wrangler.toml'), 'utf8');
    assert.match(toml, /\[env\.dev\]\nname = "license-api-dev"\nroutes = \[\{ pattern = "dev\.api\.atropos-video\.com\/\*"/);
    assert.match(toml, /\[env\.production\]\nname = "license-api"\nroutes = \[\{ pattern = "api\.atropos-video\.com\/\*"/);
    assert.doesNotMatch(toml, /SIGNING_KEY\w*\s*=|ADMIN_TOKEN\s*=|STRIPE_WEBHOOK_SECRET\s*=/);
    // Both environments declare the Durable Objects and their migration (bindings are not inherited).
    for (const env of ['dev', 'production']) {
      for (const [binding, className] of Object.entries(DURABLE_OBJECT_BINDINGS)) {
        assert.ok(toml.includes(`[[env.${env}.durable_objects.bindings]]\nname = "${binding}"\nclass_name = "${className}"`), `${env} ${binding}`);
      }
      assert.ok(toml.includes(`[[env.${env}.migrations]]\ntag = "v1"\nnew_sqlite_classes = ["LicenseSeats", "RequestCounter", "DeviceTrial"]`), env);
    }
  });
});
