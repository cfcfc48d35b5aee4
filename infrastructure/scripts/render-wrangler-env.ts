// Writes one environment's block of worker/wrangler.toml from Terraform's outputs:
//   npx tsx infrastructure/scripts/render-wrangler-env.ts            (runs terraform output -json in the selected workspace)
//   npx tsx infrastructure/scripts/render-wrangler-env.ts FILE.json  (outputs saved earlier, e.g. by CI)
//   … --check                                                         (exit 1 if wrangler.toml differs; writes nothing)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { replaceWranglerEnv, wranglerEnvFromOutputs, type TerraformOutputs } from './wrangler-env';

const root = join(__dirname, '..', '..');
const tomlPath = join(root, 'worker', 'wrangler.toml');
const args = process.argv.slice(2);
const check = args.includes('--check');
const file = args.find((a) => !a.startsWith('--'));

const json = file
  ? readFileSync(file, 'utf8')
  : execFileSync('terraform', [`-chdir=${join(root, 'infrastructure', 'terraform')}`, 'output', '-json'], { encoding: 'utf8' });
const env = wranglerEnvFromOutputs(JSON.parse(json) as TerraformOutputs);
const before = readFileSync(tomlPath, 'utf8');
const after = replaceWranglerEnv(before, env);
if (check) {
  if (after !== before) {
    console.error(`worker/wrangler.toml's env.${env.wranglerEnv} block differs from Terraform's outputs: run infrastructure/scripts/render-wrangler-env.ts`);
    process.exit(1);
  }
  console.log(`worker/wrangler.toml env.${env.wranglerEnv} matches Terraform's outputs`);
} else {
  writeFileSync(tomlPath, after);
  console.log(`worker/wrangler.toml: env.${env.wranglerEnv} rendered (${env.workerName}, ${env.routes.map((r) => r.pattern).join(', ')})`);
}
