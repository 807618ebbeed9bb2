import type { RecordFormat } from '../record-format.js';
import type { FieldValue } from '../record-parser.js';
import type { Value } from './values.js';

/** A row in the pipeline: a parsed record (values by format position) plus computed fields. */
export interface Row {
  readonly values: readonly FieldValue[];
  readonly format: RecordFormat | undefined;
  /** Milliseconds; a flow record's event timestamp is its start time. */
  readonly timestamp: number | undefined;
  readonly message: string | undefined;
  extra: Record<string, Value> | undefined;
}

export type Getter = (row: Row) => Value | undefined;

/** Reads a field by name, caching its position per record format (formats rarely change). */
export function fieldGetter(name: string): Getter {
  let lastFormat: RecordFormat | undefined;
  let lastIndex = -1;
  const special =
    name === '@timestamp' ? (row: Row) => row.timestamp : name === '@message' ? (row: Row) => row.message : name === '@logStream' ? logStream : undefined;
  return (row) => {
    if (row.extra !== undefined && name in row.extra) return row.extra[name];
    if (special) return special(row);
    if (row.format !== lastFormat) {
      lastFormat = row.format;
      lastIndex = row.format ? row.format.indexOf(name) : -1;
    }
    return lastIndex >= 0 ? row.values[lastIndex] : undefined;
  };
}

/**
 * A flow log publishes one log stream per network interface (EC2 API Reference, CreateFlowLogs:
 * "each network interface has a unique log stream in the log group"), named after the interface
 * with an `-all` suffix; locally that name is rebuilt from the record's interface-id.
 */
const interfaceId = fieldGetterRaw('interfaceId');
function logStream(row: Row): Value | undefined {
  const eni = interfaceId(row);
  return typeof eni === 'string' ? `${eni}-all` : null;
}

function fieldGetterRaw(name: string): Getter {
  let lastFormat: RecordFormat | undefined;
  let lastIndex = -1;
  return (row) => {
    if (row.format !== lastFormat) {
      lastFormat = row.format;
      lastIndex = row.format ? row.format.indexOf(name) : -1;
    }
    return lastIndex >= 0 ? row.values[lastIndex] : undefined;
  };
}

export function setField(row: Row, name: string, value: Value | undefined): void {
  (row.extra ??= {})[name] = value ?? null;
}
