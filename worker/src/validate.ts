// Request validation: each parser returns the typed request, or an Invalid naming the bad field.
import {
  DEVICE_ID_PATTERN,
  LICENSE_KEY_PATTERN,
  PRODUCT_ID,
  type DeactivateRequest,
  type TrialRequest,
  type VerifyRequest,
} from '../../protocol/licensing';
import { normaliseLicenseKey } from './license-key';

export class Invalid {
  constructor(readonly message: string) {}
}

type Body = Record<string, unknown>;

function deviceId(body: Body): string {
  const id = body.deviceId;
  if (typeof id !== 'string' || !DEVICE_ID_PATTERN.test(id)) throw new Invalid('deviceId must be a SHA-256 fingerprint (64 lower-case hex digits)');
  return id;
}

export function licenseKeyFrom(value: unknown): string {
  const key = typeof value === 'string' ? normaliseLicenseKey(value) : undefined;
  if (!key || !LICENSE_KEY_PATTERN.test(key)) throw new Invalid('licenseKey must look like ATRO-XXXXX-XXXXX-XXXXX-XXXXX');
  return key;
}

function deviceName(body: Body): { deviceName?: string } {
  const name = body.deviceName;
  if (name === undefined) return {};
  if (typeof name !== 'string' || name.length > 64) throw new Invalid('deviceName must be a string of at most 64 characters');
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean ? { deviceName: clean } : {};
}

function product(body: Body, required: boolean): void {
  if (body.product === undefined && !required) return;
  if (body.product !== PRODUCT_ID) throw new Invalid(`product must be "${PRODUCT_ID}"`);
}

/** Runs a parser, turning an Invalid into a value the route can answer 400 with. */
export function parse<T>(parser: (body: Body) => T, body: Body): T | Invalid {
  try {
    return parser(body);
  } catch (error) {
    if (error instanceof Invalid) return error;
    throw error;
  }
}

export function verifyRequest(body: Body): VerifyRequest {
  const licenseKey = licenseKeyFrom(body.licenseKey);
  const device = deviceId(body);
  const name = deviceName(body);
  product(body, true);
  if (typeof body.version !== 'string' || !/^[0-9A-Za-z.+-]{1,32}$/.test(body.version)) throw new Invalid('version must be a version string');
  return { licenseKey, deviceId: device, ...name, product: PRODUCT_ID, version: body.version };
}

export function trialRequest(body: Body): TrialRequest {
  const device = deviceId(body);
  const name = deviceName(body);
  product(body, false);
  return { deviceId: device, ...name };
}

export function deactivateRequest(body: Body): DeactivateRequest {
  return { licenseKey: licenseKeyFrom(body.licenseKey), deviceId: deviceId(body) };
}
