import type { ResultRow } from './engine/execute.js';
import type { Annotator } from './explain.js';
import { RecordFormat } from './record-format.js';

function numeric(value: string | undefined): number | undefined {
  return value === undefined || value === '' || value === '-' || !Number.isFinite(Number(value)) ? undefined : Number(value);
}

/**
 * The record fields an explanation reads, from the row's own columns, or, when the query did not
 * project them (a plain `filter action = "REJECT"`), from its `@message` in the given format, as
 * the engine read it. Undefined when neither holds the addresses and the destination port.
 */
export function recordOfRow(row: ResultRow, format: RecordFormat = RecordFormat.DEFAULT): Record<string, string | undefined> | undefined {
  const has = (r: Record<string, string | undefined>) => r['srcAddr'] && r['dstAddr'] && r['dstPort'];
  if (has(row)) return row;
  const message = row['@message'];
  if (!message) return undefined;
  const values = message.trim().split(/\s+/);
  const fromMessage: Record<string, string | undefined> = {};
  format.fields.forEach((field, i) => {
    const value = values[i];
    fromMessage[field.insights] = value === '-' ? undefined : value;
  });
  return has(fromMessage) ? fromMessage : undefined;
}

/** One row explained: what the record was (request or reply) and the hop that decided, or why it cannot be. */
export function explainRow(annotator: Annotator, row: ResultRow, format?: RecordFormat): string {
  const record = recordOfRow(row, format);
  if (!record) return 'needs srcAddr, dstAddr and dstPort (or the record in @message) to explain';
  const srcPort = numeric(record['srcPort']);
  const tcpFlags = numeric(record['tcpFlags']);
  return annotator.explain({
    srcAddr: record['srcAddr']!,
    dstAddr: record['dstAddr']!,
    dstPort: Number(record['dstPort']),
    protocol: numeric(record['protocol']) ?? 6,
    ...(srcPort !== undefined ? { srcPort } : {}),
    ...(tcpFlags !== undefined ? { tcpFlags } : {}),
    ...(record['action'] ? { action: record['action'] } : {}),
  }).text;
}
