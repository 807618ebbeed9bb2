import type { PartialGroups } from '../engine/execute.js';
import type { ParseInfo } from '../record-parser.js';

/** What a gzip run's worker is started with. */
export interface StreamSetup {
  readonly queryText: string;
  /** The ring of slots the main thread copies blocks into (no buffer is allocated per block). */
  readonly ring: SharedArrayBuffer;
  readonly slotBytes: number;
}

/** A block of whole lines of decompressed records, or the end of the run. */
export type StreamRequest =
  | {
      readonly kind: 'block';
      /** Position of the block in the input (all files), for merging the counts in order. */
      readonly seq: number;
      readonly source: string;
      /** Where the block is: a slot of the ring, or (a block larger than a slot) its own bytes. */
      readonly slot: number;
      readonly length: number;
      readonly bytes: Uint8Array | undefined;
      /** AWS field names of the block's format: the one given, or the file's header (undefined: the default). */
      readonly formatFields: readonly string[] | undefined;
      /** The block starts its file: a header line may come before its first record. */
      readonly first: boolean;
    }
  | { readonly kind: 'end' };

export type StreamReply =
  | { readonly kind: 'block'; readonly seq: number; readonly info: ParseInfo }
  | { readonly kind: 'error'; readonly seq: number; readonly message: string; readonly code: string | undefined; readonly line: number | undefined }
  | {
      readonly kind: 'end';
      readonly groups: PartialGroups;
      /** Per group, the seq of the block that made it: the worker's first sight of the group. */
      readonly origins: readonly number[];
      readonly matched: number;
    };
