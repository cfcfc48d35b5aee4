#!/usr/bin/env bash
# `npm run render:sample [timeline]`: everything a new machine needs, then one final render end to end:
# set-up → build → sample media → local licensing Worker → trial entitlement → render host → final render.
# The Worker, its KV, the licence cache and the render host used here are throw-away, so the user's own
# licence and any running host are left alone, and the run can be repeated.
set -euo pipefail
cd "$(dirname "$0")/.."
timeline="${1:-samples/promo.timeline.yaml}"

bash scripts/setup.sh
node esbuild.mjs
npm run --silent samples:media

scratch="$(mktemp -d -t atropos-sample-XXXXXX)"
port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
export ATROPOS_LICENSING_URL="http://127.0.0.1:${port}"
# The local Worker signs with dev keys: trust them explicitly (a --production build ignores this).
export ATROPOS_DEV_TRUST=1
export ATROPOS_CONFIG_DIR="$scratch/config" ATROPOS_STATE_DIR="$scratch/state"
worker_pid=""
cleanup() {
  node bin/atropos.js host stop >/dev/null 2>&1 || true
  # The Worker runs in its own session: stop wrangler, esbuild and workerd together.
  if [ -n "$worker_pid" ]; then kill -TERM -- "-$worker_pid" 2>/dev/null || true; fi
  rm -rf "$scratch"
}
trap cleanup EXIT

echo "render:sample: starting the local licensing Worker on $ATROPOS_LICENSING_URL"
ATROPOS_WORKER_PORT="$port" ATROPOS_WORKER_STATE_DIR="$scratch/kv" setsid bash worker/scripts/dev.sh >"$scratch/worker.log" 2>&1 &
worker_pid=$!
for _ in $(seq 1 120); do
  node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$ATROPOS_LICENSING_URL/.well-known/jwks.json" && break
  kill -0 "$worker_pid" 2>/dev/null || { cat "$scratch/worker.log"; echo "render:sample: the licensing Worker did not start"; exit 1; }
  sleep 0.5
done

node bin/atropos.js license trial
node bin/atropos.js check "$timeline"
node bin/atropos.js render "$timeline" --overwrite
# The looks sample (effects, typography, motion, masks, audio visualisation) as a draft, when rendering the default sample.
if [ "$timeline" = "samples/promo.timeline.yaml" ]; then
  node bin/atropos.js render samples/looks.timeline.yaml --preset draft --overwrite
fi
echo "render:sample: done."
