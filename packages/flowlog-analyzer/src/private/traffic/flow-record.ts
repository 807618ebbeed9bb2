import { FLOW_LOG_FIELDS } from '@artos/model';

/**
 * One flow-log record as AWS field names → values; a field not set is written `-`, as AWS does
 * for a field that does not apply (AWS, "Flow log records": "If a field is not applicable or
 * could not be computed for a specific record, the record displays a '-' symbol").
 */
export type FlowRecord = Readonly<Record<string, string | number>>;

const VERSION_OF = new Map(FLOW_LOG_FIELDS.map((f) => [f.name, f.version]));

/**
 * The `version` a format writes: "If you use a custom format, the version is the highest version
 * among the specified fields" (AWS, "Flow log records", field `version`).
 */
export function formatVersion(fields: readonly string[]): number {
  return Math.max(2, ...fields.map((f) => VERSION_OF.get(f) ?? 2));
}

/** A writer for one format: the record's fields in the format's order. */
export function recordWriter(fields: readonly string[]): (record: FlowRecord) => string {
  const version = String(formatVersion(fields));
  return (record) => fields.map((f) => (f === 'version' ? version : String(record[f] ?? '-'))).join(' ');
}
