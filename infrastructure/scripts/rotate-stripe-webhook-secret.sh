#!/usr/bin/env bash
# Rotates the Stripe webhook signing secret of one environment (docs/infrastructure.md, "Rotate"):
#   1. In Stripe, roll the endpoint's secret with an expiry (e.g. 24 h): until then Stripe signs every
#      event with both the old and the new secret, so the Worker verifies with either.
#   2. This script: reads the new whsec_… from stdin (never from the command line, never echoed) and
#      puts it as STRIPE_WEBHOOK_SECRET. From then on events verify with the new secret.
#   3. Send a test event from Stripe and check it is answered 200; the old secret expires at Stripe.
# Usage: infrastructure/scripts/rotate-stripe-webhook-secret.sh dev|production   (paste the secret, then Ctrl-D)
set -euo pipefail
env="${1:-}"
if [ "$env" != "dev" ] && [ "$env" != "production" ]; then
  echo "usage: $0 dev|production  (the new whsec_… secret on stdin)" >&2
  exit 2
fi
secret="$(cat)"
secret="${secret//[[:space:]]/}"
if [[ ! "$secret" =~ ^whsec_[A-Za-z0-9]+$ ]]; then
  echo "rotate-stripe-webhook-secret: stdin must be a Stripe webhook secret (whsec_…)" >&2
  exit 1
fi
cd "$(dirname "$0")/../../worker"
printf '%s' "$secret" | ../node_modules/.bin/wrangler secret put STRIPE_WEBHOOK_SECRET --env "$env"
echo "STRIPE_WEBHOOK_SECRET replaced for $env. Send a test event from Stripe now; the old secret stops at the expiry you chose when rolling."
