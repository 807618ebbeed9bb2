import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RecordParser, type FieldValue } from './record-parser.js';
import { RecordFormat } from './record-format.js';
import { runLocalQuery } from './run-query.js';
import { isFlowLogError } from './errors.js';

// Files delivered to S3 start with a header line of the format's field names (Amazon VPC User
// Guide, "Flow log files" / "Publish flow logs to Amazon S3": "the first line ... is the header").
function parse(text: string, format: RecordFormat) {
  const records: Record<string, FieldValue>[] = [];
  const parser = new RecordParser({
    format,
    source: 'f.log',
    onRecord: (values, ctx) => records.push(Object.fromEntries(ctx.format.fields.map((f, i) => [f.insights, values[i]!]))),
  });
  parser.push(text);
  parser.close();
  return { records, info: parser.info };
}

const TEXT_FORMAT = RecordFormat.fromFormatString('${interface-id} ${account-id} ${flow-direction}');
const INT_FORMAT = RecordFormat.fromFormatString('${version} ${srcaddr} ${dstport}');

describe('a custom-format file with a header line, and --format', () => {
  it('skips the header of a format of text fields (which would also pass as a record)', () => {
    const { records, info } = parse('interface-id account-id flow-direction\neni-0a1b 123456789012 ingress\n', TEXT_FORMAT);
    expect(records).toEqual([{ interfaceId: 'eni-0a1b', accountId: '123456789012', flowDirection: 'ingress' }]);
    expect(info).toMatchObject({ headers: 1, records: 1, skipped: 0, malformed: {} });
  });

  it('skips the header of a format starting with a number field, and counts nothing malformed', () => {
    const { records, info } = parse('version srcaddr dstport\n3 10.0.0.1 443\n', INT_FORMAT);
    expect(records).toEqual([{ version: 3, srcAddr: '10.0.0.1', dstPort: 443 }]);
    expect(info).toMatchObject({ headers: 1, records: 1, skipped: 0, malformed: {} });
  });

  it('refuses a header that names other fields than --format, naming both', () => {
    let error: unknown;
    try {
      parse('version srcaddr dstaddr\n3 10.0.0.1 10.0.0.2\n', INT_FORMAT);
    } catch (e) {
      error = e;
    }
    expect(isFlowLogError(error) && error.code).toBe('bad-format');
    expect((error as Error).message).toContain('"version srcaddr dstaddr"');
    expect((error as Error).message).toContain('"version srcaddr dstport"');
  });

  describe('on worker threads too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'artos-header-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'custom.log');
    writeFileSync(file, `version srcaddr dstport\n${Array.from({ length: 5000 }, (_, i) => `3 10.0.0.${i % 7} ${i % 3 === 0 ? 22 : 443}`).join('\n')}\n`);

    it('reads the records after the header, the same as one thread', async () => {
      const query = 'stats count() as n by dstPort | sort dstPort asc';
      const one = await runLocalQuery(query, [file], { format: INT_FORMAT, parallel: false });
      const many = await runLocalQuery(query, [file], { format: INT_FORMAT, parallel: { workers: 2, minBytes: 0 } });
      expect(one.rows).toEqual([
        { dstPort: '22', n: '1667' },
        { dstPort: '443', n: '3333' },
      ]);
      expect(many.rows).toEqual(one.rows);
      expect(many.statistics.info).toMatchObject({ headers: 1, records: 5000, skipped: 0 });
    }, 60_000);

    it('refuses a header that differs from --format', async () => {
      const other = RecordFormat.fromFormatString('${version} ${dstaddr} ${dstport}');
      await expect(runLocalQuery('stats count() as n', [file], { format: other, parallel: { workers: 2, minBytes: 0 } })).rejects.toThrow(
        /"version srcaddr dstport".*"version dstaddr dstport"/,
      );
      await expect(runLocalQuery('stats count() as n', [file], { format: other, parallel: false })).rejects.toThrow(
        /"version srcaddr dstport".*"version dstaddr dstport"/,
      );
    }, 60_000);
  });
});
