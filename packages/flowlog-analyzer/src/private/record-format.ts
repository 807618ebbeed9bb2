import { DEFAULT_FLOW_LOG_FORMAT_FIELDS } from '@artos/model/records';
import { FlowLogError } from './errors.js';
import { fieldByAwsName, type FieldSpec } from './fields.js';

/**
 * A record format: the fields of each line, in order. Open choice: the default, a custom format
 * string as AWS writes it (`${version} ${srcaddr} ...`), or the header line of an S3 file.
 */
export class RecordFormat {
  static readonly DEFAULT = new RecordFormat(DEFAULT_FLOW_LOG_FORMAT_FIELDS.map((n) => fieldByAwsName(n)!));

  /** AWS's format string: `${version} ${account-id} ${interface-id} ...`. */
  static fromFormatString(text: string): RecordFormat {
    const tokens = text.trim().split(/\s+/);
    const names = tokens.map((t) => {
      const match = /^\$\{([a-z0-9-]+)\}$/.exec(t);
      if (!match)
        throw new FlowLogError('bad-format', `format token ${JSON.stringify(t)} is not of the form \${field-name}`, {
          hint: 'write the format as AWS does, e.g. "${version} ${srcaddr} ${dstaddr}"',
        });
      return match[1]!;
    });
    return RecordFormat.custom(names);
  }

  /** A header line as in files delivered to S3: `version account-id interface-id ...`. */
  static fromHeader(line: string): RecordFormat {
    return RecordFormat.custom(line.trim().split(/\s+/));
  }

  static custom(awsNames: readonly string[]): RecordFormat {
    if (awsNames.length === 0) throw new FlowLogError('bad-format', 'a record format needs at least one field');
    const seen = new Set<string>();
    return new RecordFormat(
      awsNames.map((name) => {
        const field = fieldByAwsName(name);
        if (!field)
          throw new FlowLogError('bad-format', `${JSON.stringify(name)} is not a flow-log field AWS documents`, {
            hint: 'use AWS field names such as srcaddr, dstport, tcp-flags',
          });
        if (seen.has(name)) throw new FlowLogError('bad-format', `field ${name} appears twice in the format`);
        seen.add(name);
        return field;
      }),
    );
  }

  /** Tells whether a line is a header of field names rather than a record. */
  static isHeaderLine(line: string): boolean {
    const first = line.trimStart().split(' ', 1)[0] ?? '';
    return first !== '' && fieldByAwsName(first) !== undefined && !/^\d/.test(first);
  }

  readonly index: ReadonlyMap<string, number>;

  private constructor(readonly fields: readonly FieldSpec[]) {
    this.index = new Map(fields.map((f, i) => [f.insights, i]));
  }

  /** Position of an Insights field name, or -1. */
  indexOf(insightsName: string): number {
    return this.index.get(insightsName) ?? -1;
  }

  toFormatString(): string {
    return this.fields.map((f) => `\${${f.name}}`).join(' ');
  }
}
