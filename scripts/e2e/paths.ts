// Where the end-to-end set-up lives, and the versions checked before a cached install is reused.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE24_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cache = join(root, '.cache');

export const paths = {
  root,
  node24Dir: join(cache, 'node24'),
  node24Bin: join(cache, 'node24', 'bin', 'node'),
  codeServerDir: join(cache, 'code-server'),
  codeServerPackage: join(cache, 'code-server', 'node_modules', 'code-server'),
  codeServerEntry: join(cache, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  codeServerMarker: join(cache, 'code-server', '.atropos-installed.json'),
  artifacts: join(root, 'test-artifacts', 'e2e'),
};
