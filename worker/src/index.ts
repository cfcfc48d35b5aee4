// The licensing Worker: routes, one file each under routes/. Deployed by wrangler (worker/wrangler.toml).
import { Hono } from 'hono';
import { LicensingRoutes } from '../../protocol/licensing';
import { requireAdmin } from './admin-auth';
import type { AppEnv } from './env';
import { fail } from './http';
import { createLicenseRoute } from './routes/admin-licenses';
import { revokeLicenseRoute } from './routes/admin-revoke';
import { checkoutKeyRoute } from './routes/checkout-key';
import { deactivateRoute } from './routes/deactivate';
import { jwksRoute } from './routes/jwks';
import { stripeWebhookRoute } from './routes/stripe-webhook';
import { trialRoute } from './routes/trial';
import { verifyRoute } from './routes/verify';
import { SigningKeyError } from './signing';

const app = new Hono<AppEnv>();

app.post(LicensingRoutes.verify, verifyRoute);
app.post(LicensingRoutes.trial, trialRoute);
app.post(LicensingRoutes.deactivate, deactivateRoute);
app.get(LicensingRoutes.jwks, jwksRoute);
app.post(LicensingRoutes.stripeWebhook, stripeWebhookRoute);
app.get('/license/checkout/:sessionId', checkoutKeyRoute);
app.use('/admin/*', requireAdmin);
app.post(LicensingRoutes.adminLicenses, createLicenseRoute);
app.post('/admin/licenses/:key/revoke', revokeLicenseRoute);

app.notFound((c) => fail(c, 'not-found', `No route ${c.req.method} ${new URL(c.req.url).pathname}.`));
app.onError((error, c) => {
  // Never a stack trace to the client; the log keeps the detail.
  console.error('licensing worker error', error);
  const message = error instanceof SigningKeyError ? 'The licensing service is misconfigured.' : 'Internal error.';
  return fail(c, 'server-misconfigured', message);
});

export default app;
// The Durable Object classes: wrangler.toml binds and migrates them by these export names.
export { DeviceTrial } from './durable/device-trial';
export { LicenseSeats } from './durable/license-seats';
export { RequestCounter } from './durable/request-counter';
