// One Durable Object per licence (named by the key hash) owns its seats. Workers KV is eventually
// consistent, so seats kept there raced: 10 concurrent activations of a 3-seat licence issued up to 10.
// Here every claim reads the seats and replaces them in memory with no await in between, so claims
// on one licence apply one after another; storage writes are confirmed before the answer leaves
// (workerd's output gate), so a granted seat is never lost.
import { DurableObject } from 'cloudflare:workers';
import type { DeviceSeat } from '../kv-records';
import { claimSeat, releaseSeat, seatList, type ClaimOutcome, type SeatClaim, type Seats } from '../seat-rules';

const SEATS_KEY = 'seats';

export interface SeatCount {
  devicesUsed: number;
  devices: DeviceSeat[];
}

export class LicenseSeats extends DurableObject {
  private seats: Seats | undefined;

  /**
   * `legacySeats`: the seats the licence's KV record held before seats moved here. Adopted once, on
   * the first call, so devices activated before the migration keep their seats.
   */
  async claim(claim: SeatClaim, legacySeats: Seats = {}): Promise<ClaimOutcome> {
    await this.load(legacySeats);
    const outcome = claimSeat(this.current(), claim);
    if (outcome.granted) await this.save(outcome.seats);
    return outcome;
  }

  async release(deviceId: string, legacySeats: Seats = {}): Promise<{ released: boolean; devicesUsed: number }> {
    await this.load(legacySeats);
    const result = releaseSeat(this.current(), deviceId);
    if (result.released) await this.save(result.seats);
    return { released: result.released, devicesUsed: Object.keys(result.seats).length };
  }

  async count(legacySeats: Seats = {}): Promise<SeatCount> {
    await this.load(legacySeats);
    const seats = this.current();
    return { devicesUsed: Object.keys(seats).length, devices: seatList(seats) };
  }

  private async load(legacySeats: Seats): Promise<void> {
    if (!this.seats) {
      // Only the first call after a (re)start reads storage; blockConcurrencyWhile keeps the others
      // waiting so no call sees a half-loaded state.
      await this.ctx.blockConcurrencyWhile(async () => {
        if (this.seats) return;
        this.seats = (await this.ctx.storage.get<Seats>(SEATS_KEY)) ?? { ...legacySeats };
      });
    }
  }

  /** Read after the last await of a call, so the read and the replacement in save() are one step. */
  private current(): Seats {
    if (!this.seats) throw new Error('LicenseSeats used before load()');
    return this.seats;
  }

  /** Replaces the seats in memory at once (synchronously), then persists them. */
  private async save(seats: Seats): Promise<void> {
    this.seats = seats;
    await this.ctx.storage.put(SEATS_KEY, seats);
  }
}
