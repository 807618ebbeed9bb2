import type { PartialGroups, PartialRows } from '../engine/execute.js';
import type { ParseInfo } from '../record-parser.js';

/** What the main thread sends a worker: a query, and one line-aligned byte range of a plain file. */
export interface WorkerTask {
  readonly queryText: string;
  readonly file: string;
  /** First byte (a line start). */
  readonly start: number;
  /** Last byte, inclusive (a newline or the end of the file). */
  readonly end: number;
  /** AWS field names of the format, when the file has a header or the caller gave one. */
  readonly formatFields: readonly string[] | undefined;
  readonly strict: boolean;
  /** The range starts the file's data: a header line may come before its first record. */
  readonly headers: boolean;
}

/** Sent by a worker as it goes (every few MiB): its counts so far. */
export interface WorkerProgress {
  readonly progress: { readonly bytes: number; readonly lines: number; readonly records: number };
}

export type WorkerReply =
  | {
      readonly ok: true;
      /** A stats query's partial groups, or a query's best rows (the plan's parallel mode says which). */
      readonly partial: { readonly groups: PartialGroups } | PartialRows;
      readonly matched: number;
      readonly info: ParseInfo;
    }
  | { readonly ok: false; readonly message: string; readonly code: string | undefined; readonly line: number | undefined };
