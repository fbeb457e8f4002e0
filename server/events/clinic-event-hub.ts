// Fans committed changes out to this instance's event streams in event-id order without gaps, however
// the notices arrive (local writes, NOTIFY from other instances), and announces availability when the
// clock changes it (an opening, a closing) for each clinic with open streams.
import { availabilityFrame, availabilityOf } from '../availability-view.ts';
import type { ClinicStateCache } from '../clinic-state-cache.ts';
import type { ClinicStore } from '../storage/clinic-store.ts';
import type { ChangeNotice, SequencedEvent } from './change-notice.ts';
import { eventFrame } from './event-streams.ts';
import type { StreamFrame } from './event-streams.ts';

type StreamListener = { onFrame(frame: StreamFrame): void; /** events may have been missed: close, the client resumes */ onBroken(): void };
/** `fromSeq`: the listener gets exactly the events after this id. */
type Subscription = { fromSeq: number; unsubscribe(): void };

type Channel = {
  clinicId: string;
  lastSeq: number;
  listeners: Set<StreamListener>;
  /** Work on one channel runs one step at a time, in arrival order. */
  queue: Promise<unknown>;
  timer: NodeJS.Timeout | null;
  lastAvailabilityJson: string | null;
  closed: boolean;
  clinicMissing: boolean;
};

type HubDependencies = {
  store: ClinicStore;
  cache: ClinicStateCache;
  now: () => Date;
  onError: (error: unknown, message: string) => void;
};

const MIN_TIMER_MS = 20;
const MAX_TIMER_MS = 2 ** 31 - 1;

export class ClinicEventHub {
  readonly #deps: HubDependencies;
  readonly #channels = new Map<string, Channel>();

  constructor(deps: HubDependencies) {
    this.#deps = deps;
  }

  /** Null when the clinic does not exist; rejects when the database cannot be read. */
  async subscribe(clinicId: string, listener: StreamListener): Promise<Subscription | null> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const channel = this.#channels.get(clinicId) ?? this.#openChannel(clinicId);
      const fromSeq = await this.#enqueue(channel, () => {
        if (channel.closed) return null;
        channel.listeners.add(listener);
        return channel.lastSeq;
      });
      if (fromSeq !== null) return { fromSeq, unsubscribe: () => this.#unsubscribe(channel, listener) };
      // The channel closed before this listener joined: the clinic is gone, its last stream just left
      // (then a new channel is opened), or reading the database failed.
      if (channel.clinicMissing) return null;
    }
    throw new Error(`could not open the event channel of clinic ${clinicId}`);
  }

  /** A committed change, from this instance or another. */
  publish(notice: ChangeNotice): void {
    this.#deps.cache.applyChange(notice);
    const channel = this.#channels.get(notice.clinicId);
    if (channel) this.#schedule(channel, () => this.#catchUp(channel, notice));
  }

  /** After notices may have been lost (the LISTEN connection dropped): re-read what every channel missed. */
  resync(): void {
    this.#deps.cache.clear();
    for (const channel of this.#channels.values()) {
      this.#schedule(channel, async () => {
        const seq = await this.#deps.store.latestEventSeq(channel.clinicId);
        if (seq !== null) await this.#catchUp(channel, { clinicId: channel.clinicId, seq, event: null });
      });
    }
  }

  close(): void {
    for (const channel of this.#channels.values()) this.#closeChannel(channel);
  }

  #openChannel(clinicId: string): Channel {
    const channel: Channel = { clinicId, lastSeq: 0, listeners: new Set(), queue: Promise.resolve(), timer: null, lastAvailabilityJson: null, closed: false, clinicMissing: false };
    this.#channels.set(clinicId, channel);
    this.#schedule(channel, async () => {
      const seq = await this.#deps.store.latestEventSeq(clinicId);
      if (seq === null) {
        channel.clinicMissing = true;
        return this.#closeChannel(channel);
      }
      channel.lastSeq = seq;
      await this.#refreshAvailability(channel, false);
    });
    return channel;
  }

  #enqueue<T>(channel: Channel, step: () => T | Promise<T>): Promise<T> {
    const run = channel.queue.then(step);
    channel.queue = run.then(
      () => undefined,
      (error: unknown) => {
        this.#deps.onError(error, 'event delivery failed; closing the clinic’s streams so they resume');
        this.#breakChannel(channel);
      },
    );
    return run;
  }

  /** Queues a step nobody awaits; its failure is handled by the queue (above). */
  #schedule(channel: Channel, step: () => unknown): void {
    this.#enqueue(channel, step).catch(() => undefined);
  }

  async #catchUp(channel: Channel, notice: ChangeNotice): Promise<void> {
    if (channel.closed || notice.seq <= channel.lastSeq) return;
    const events: SequencedEvent[] =
      notice.event !== null && notice.seq === channel.lastSeq + 1
        ? [{ seq: notice.seq, event: notice.event }]
        : await this.#deps.store.eventsBetween(channel.clinicId, channel.lastSeq, notice.seq);
    for (const stored of events) {
      if (stored.seq !== channel.lastSeq + 1) break;
      channel.lastSeq = stored.seq;
      this.#deliver(channel, eventFrame(stored.seq, stored.event));
    }
    if (channel.lastSeq < notice.seq) throw new Error(`events ${channel.lastSeq + 1}…${notice.seq} of clinic ${channel.clinicId} are missing`);
    await this.#refreshAvailability(channel, true);
  }

  /** Recomputes availability, announces it if it changed, and sets the timer for its next change. */
  async #refreshAvailability(channel: Channel, announce: boolean): Promise<void> {
    if (channel.closed) return;
    const entry = await this.#deps.cache.get(channel.clinicId);
    if (!entry) return this.#closeChannel(channel);
    const now = this.#deps.now();
    const memo = availabilityOf(entry, now);
    if (announce && channel.lastAvailabilityJson !== null && memo.json !== channel.lastAvailabilityJson) {
      this.#deliver(channel, availabilityFrame(memo));
    }
    channel.lastAvailabilityJson = memo.json;
    if (channel.timer) clearTimeout(channel.timer);
    const delay = Math.min(MAX_TIMER_MS, Math.max(MIN_TIMER_MS, memo.nextChange - now.getTime()));
    channel.timer = setTimeout(() => this.#schedule(channel, () => this.#refreshAvailability(channel, true)), delay);
    channel.timer.unref();
  }

  /** The frame is formatted once; every stream of the clinic writes the same text. */
  #deliver(channel: Channel, frame: StreamFrame): void {
    for (const listener of channel.listeners) {
      try {
        listener.onFrame(frame);
      } catch (error) {
        this.#deps.onError(error, 'an event stream failed to take an event');
      }
    }
  }

  #unsubscribe(channel: Channel, listener: StreamListener): void {
    channel.listeners.delete(listener);
    if (channel.listeners.size === 0) this.#closeChannel(channel);
  }

  #breakChannel(channel: Channel): void {
    const listeners = [...channel.listeners];
    this.#closeChannel(channel);
    for (const listener of listeners) listener.onBroken();
  }

  #closeChannel(channel: Channel): void {
    channel.closed = true;
    channel.listeners.clear();
    if (channel.timer) clearTimeout(channel.timer);
    channel.timer = null;
    if (this.#channels.get(channel.clinicId) === channel) this.#channels.delete(channel.clinicId);
  }
}
