import type { Worker } from 'node:worker_threads';
import type { PartialGroups } from '../engine/execute.js';
import type { ParseInfo } from '../record-parser.js';
import { startWorker } from './start-worker.js';
import type { StreamReply, StreamRequest } from './stream-protocol.js';

/** A slot of the ring: a block of about four zlib output chunks (fewer, larger blocks: fewer messages). */
export const SLOT_BYTES = 4 * 2 ** 20;
/** Blocks a worker may hold at once: one it parses and one waiting, so it never idles. */
const IN_FLIGHT_PER_WORKER = 2;

type ErrorReply = Extract<StreamReply, { kind: 'error' }>;

/** A worker said a block failed: the run stops, and the caller turns the reply into the error. */
export class BlockPoolFailed extends Error {
  constructor(
    readonly seq: number,
    readonly reply: ErrorReply,
  ) {
    super(reply.message);
  }
}

interface PoolWorker {
  readonly worker: Worker;
  /** Blocks sent to this worker and not yet answered. */
  inFlight: number;
}

/**
 * Long-lived stream workers fed through a ring of shared memory: `send` copies a block into a
 * free slot (waiting while every slot is held, so decompressed data never piles up) and tells the
 * least busy worker; the slot is free again when the worker replies. Workers allocate nothing per
 * block, which measured 0.5 s of GC a worker when each block was a buffer of its own. The first
 * error reply makes every later call throw BlockPoolFailed.
 */
export class BlockPool {
  private readonly ring: SharedArrayBuffer;
  private readonly freeSlots: number[];
  private readonly workers: PoolWorker[];
  private readonly done = new Map<number, (info: ParseInfo) => void>();
  private failure: BlockPoolFailed | undefined;
  private crash: Error | undefined;
  /** Resolves the current wait for a reply. */
  private wake: (() => void) | undefined;

  constructor(count: number, queryText: string) {
    const slots = count * IN_FLIGHT_PER_WORKER;
    this.ring = new SharedArrayBuffer(slots * SLOT_BYTES);
    this.freeSlots = Array.from({ length: slots }, (_, i) => i);
    this.workers = Array.from({ length: count }, () => {
      const entry: PoolWorker = { worker: startWorker('stream-worker', { queryText, ring: this.ring, slotBytes: SLOT_BYTES }), inFlight: 0 };
      entry.worker.on('message', (reply: StreamReply) => this.onReply(entry, reply));
      entry.worker.once('error', (error: Error) => {
        this.crash ??= error;
        this.signal();
      });
      return entry;
    });
  }

  /** The ring slot of each block in flight (-1: a block larger than a slot, sent as its own bytes). */
  private readonly slotOf = new Map<number, number>();

  private onReply(entry: PoolWorker, reply: StreamReply): void {
    if (reply.kind === 'end') return;
    entry.inFlight--;
    const slot = this.slotOf.get(reply.seq) ?? -1;
    if (slot >= 0) this.freeSlots.push(slot);
    this.slotOf.delete(reply.seq);
    if (reply.kind === 'error') this.failure ??= new BlockPoolFailed(reply.seq, reply);
    else this.done.get(reply.seq)?.(reply.info);
    this.done.delete(reply.seq);
    this.signal();
  }

  private signal(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private check(): void {
    if (this.crash) throw this.crash;
    if (this.failure) throw this.failure;
  }

  private waitForReply(): Promise<void> {
    return new Promise((resolve) => (this.wake = resolve));
  }

  /**
   * Hands the block made of `pieces` (whole lines, in order) to the least busy worker; `onDone`
   * gets its counts. A block larger than a slot travels as bytes of its own.
   */
  async send(
    block: Omit<Extract<StreamRequest, { kind: 'block' }>, 'slot' | 'length' | 'bytes'>,
    pieces: readonly Uint8Array[],
    onDone: (info: ParseInfo) => void,
  ): Promise<void> {
    const length = pieces.reduce((s, p) => s + p.byteLength, 0);
    for (;;) {
      this.check();
      const worker = this.workers.reduce((best, w) => (w.inFlight < best.inFlight ? w : best));
      if (worker.inFlight < IN_FLIGHT_PER_WORKER && this.freeSlots.length > 0) {
        worker.inFlight++;
        this.done.set(block.seq, onDone);
        if (length <= SLOT_BYTES) {
          const slot = this.freeSlots.pop()!;
          const view = new Uint8Array(this.ring, slot * SLOT_BYTES, length);
          let at = 0;
          for (const piece of pieces) {
            view.set(piece, at);
            at += piece.byteLength;
          }
          this.slotOf.set(block.seq, slot);
          worker.worker.postMessage({ ...block, slot, length, bytes: undefined } satisfies StreamRequest);
        } else {
          const bytes = Buffer.concat(pieces, length);
          this.slotOf.set(block.seq, -1);
          worker.worker.postMessage({ ...block, slot: -1, length, bytes } satisfies StreamRequest);
        }
        return;
      }
      await this.waitForReply();
    }
  }

  /** Waits until every block sent has its reply. */
  async drain(): Promise<void> {
    while (!this.crash && this.workers.some((w) => w.inFlight > 0)) await this.waitForReply();
  }

  /** Waits for every block, then collects each worker's groups and matched events. */
  async end(): Promise<{ groups: PartialGroups[]; origins: (readonly number[])[]; matched: number }> {
    await this.drain();
    this.check();
    const results = await Promise.all(
      this.workers.map(
        (w) =>
          new Promise<{ groups: PartialGroups; origins: readonly number[]; matched: number }>((resolve, reject) => {
            w.worker.on('message', (reply: StreamReply) => {
              if (reply.kind === 'end') resolve({ groups: reply.groups, origins: reply.origins, matched: reply.matched });
            });
            w.worker.once('error', reject);
            w.worker.postMessage({ kind: 'end' } satisfies StreamRequest);
          }),
      ),
    );
    return { groups: results.map((r) => r.groups), origins: results.map((r) => r.origins), matched: results.reduce((s, r) => s + r.matched, 0) };
  }

  close(): void {
    for (const w of this.workers) void w.worker.terminate();
  }
}
