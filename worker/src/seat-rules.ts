// Seat allocation as pure functions over a licence's seats; the LicenseSeats Durable Object runs them
// one request at a time, which is what makes "at most maxDevices" hold under concurrency.
import type { DeviceSeat } from './kv-records';

export type Seats = Record<string, DeviceSeat>;

export interface SeatClaim {
  deviceId: string;
  deviceName?: string;
  maxDevices: number;
  /** ISO time of the request. */
  now: string;
}

export type ClaimOutcome =
  | { granted: true; seats: Seats }
  | { granted: false; devices: DeviceSeat[] };

/** A known device refreshes its seat (any number of times); a new one takes a free seat or is refused. */
export function claimSeat(seats: Seats, claim: SeatClaim): ClaimOutcome {
  const seat = seats[claim.deviceId];
  if (!seat && Object.keys(seats).length >= claim.maxDevices) return { granted: false, devices: seatList(seats) };
  const updated: DeviceSeat = {
    name: claim.deviceName ?? seat?.name ?? 'Unnamed device',
    activatedAt: seat?.activatedAt ?? claim.now,
    lastSeenAt: claim.now,
  };
  return { granted: true, seats: { ...seats, [claim.deviceId]: updated } };
}

export function releaseSeat(seats: Seats, deviceId: string): { released: boolean; seats: Seats } {
  if (!(deviceId in seats)) return { released: false, seats };
  const rest = { ...seats };
  delete rest[deviceId];
  return { released: true, seats: rest };
}

/** Oldest activation first: the order the device-limit answer lists them in. */
export function seatList(seats: Seats): DeviceSeat[] {
  return Object.values(seats).sort((a, b) => a.activatedAt.localeCompare(b.activatedAt));
}
