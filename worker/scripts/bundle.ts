// Bundles the Worker with esbuild for tests (Miniflare); wrangler bundles it itself for deploy.
import { build } from 'esbuild';
import { join } from 'node:path';

const entry = join(__dirname, '..', 'src', 'index.ts');

export async function bundleWorker(outfile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    // workerd's own module (Durable Objects); wrangler leaves it external the same way.
    external: ['cloudflare:workers'],
    logLevel: 'error',
  });
}
