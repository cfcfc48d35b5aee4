// Licence keys: `ATRO-XXXXX-XXXXX-XXXXX-XXXXX`, 100 random bits in Crockford base32.
// KV stores only the key's SHA-256, so a KV dump does not hand out working keys.
import { sha256Hex } from './crypto-util';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function generateLicenseKey(): string {
  // 32 symbols divide 256 evenly: `byte % 32` is unbiased.
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  const chars = Array.from(bytes, (b) => ALPHABET[b % 32]).join('');
  return `ATRO-${chars.slice(0, 5)}-${chars.slice(5, 10)}-${chars.slice(10, 15)}-${chars.slice(15, 20)}`;
}

export function normaliseLicenseKey(key: string): string {
  return key.trim().toUpperCase();
}

export function licenseKeyHash(key: string): Promise<string> {
  return sha256Hex(`atropos-license-key\n${normaliseLicenseKey(key)}`);
}
