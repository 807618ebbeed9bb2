import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RecordParser, type FieldValue } from './record-parser.js';
import { RecordFormat } from './record-format.js';
import { isFlowLogError } from './errors.js';

function parse(text: string, options: { format?: RecordFormat; strict?: boolean } = {}) {
  const records: Record<string, FieldValue>[] = [];
  const parser = new RecordParser({
    ...options,
    onRecord: (values, ctx) => records.push(Object.fromEntries(ctx.format.fields.map((f, i) => [f.insights, values[i]!]))),
  });
  parser.push(text);
  parser.close();
  return { records, info: parser.info };
}

// Example records from AWS's "Flow log record examples".
const AWS_ACCEPTED = '2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK';
const AWS_REJECTED = '2 123456789010 eni-1235b8ca123456789 172.31.9.69 172.31.9.12 49761 3389 6 20 4249 1418530010 1418530070 REJECT OK';
const AWS_NODATA = '2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - NODATA';
const AWS_SKIPDATA = '2 123456789010 eni-11111111aaaaaaaaa - - - - - - - 1431280876 1431280934 - SKIPDATA';

describe('RecordParser', () => {
  it('types the default format as AWS documents it', () => {
    const { records } = parse(`${AWS_ACCEPTED}\n${AWS_REJECTED}\n`);
    expect(records[0]).toEqual({
      version: 2,
      accountId: '123456789010',
      interfaceId: 'eni-1235b8ca123456789',
      srcAddr: '172.31.16.139',
      dstAddr: '172.31.16.21',
      srcPort: 20641,
      dstPort: 22,
      protocol: 6,
      packets: 20,
      bytes: 4249,
      startTime: 1418530010,
      endTime: 1418530070,
      action: 'ACCEPT',
      logStatus: 'OK',
    });
    expect(records[1]).toMatchObject({ dstPort: 3389, action: 'REJECT' });
  });

  it('keeps NODATA and SKIPDATA records, with "-" as absent', () => {
    const { records, info } = parse(`${AWS_NODATA}\n${AWS_SKIPDATA}`);
    expect(info.skipped).toBe(0);
    expect(records.map((r) => r['logStatus'])).toEqual(['NODATA', 'SKIPDATA']);
    expect(records[0]).toMatchObject({ srcAddr: null, dstPort: null, packets: null, bytes: null, action: null, startTime: 1431280876 });
  });

  it('parses a custom format with version 3+ fields', () => {
    const format = RecordFormat.fromFormatString(
      '${version} ${vpc-id} ${subnet-id} ${instance-id} ${interface-id} ${account-id} ${type} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${pkt-srcaddr} ${pkt-dstaddr} ${protocol} ${bytes} ${packets} ${start} ${end} ${action} ${tcp-flags} ${log-status}',
    );
    const { records } = parse(
      '3 vpc-12345678 subnet-012345678901234567 i-0123456789abcdef0 eni-1235b8ca123456789 123456789010 IPv4 52.213.180.42 10.0.0.62 43416 5001 52.213.180.42 10.0.0.62 6 568 8 1566848875 1566848933 ACCEPT 2 OK',
      { format },
    );
    expect(records[0]).toMatchObject({
      version: 3,
      vpcId: 'vpc-12345678',
      instanceId: 'i-0123456789abcdef0',
      type: 'IPv4',
      pktSrcAddr: '52.213.180.42',
      pktDstAddr: '10.0.0.62',
      tcpFlags: 2,
      bytes: 568,
      packets: 8,
    });
  });

  it('parses the later fields (versions 9-11) under names Insights can use without backticks', () => {
    // Field names and versions from secondary sources (see @artos/model's flow-log-fields.ts);
    // a value of a tag field is the tag's value, percent-encoded.
    const format = RecordFormat.fromFormatString(
      '${version} ${interface-id} ${resource-id} ${encryption-status} ${interface-type} ${instance-tag} ${instance-tag-2} ${next-hop-interface-id} ${next-hop-az-id}',
    );
    const { records, info } = parse('11 - rnat-0123456789abcdef0 1 regional_nat_gateway team%3Dpay - eni-0aaa use1-az1', { format });
    expect(info.skipped).toBe(0);
    expect(records[0]).toEqual({
      version: 11,
      interfaceId: null,
      resourceId: 'rnat-0123456789abcdef0',
      encryptionStatus: 1,
      interfaceType: 'regional_nat_gateway',
      instanceTag: 'team%3Dpay',
      instanceTag2: null,
      nextHopInterfaceId: 'eni-0aaa',
      nextHopAzId: 'use1-az1',
    });
  });

  it('with headers off (a piece cut from the middle of a file) reads a header-like line as data', () => {
    const header = 'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status';
    const records: unknown[] = [];
    const parser = new RecordParser({ headers: false, onRecord: (values) => records.push([...values]) });
    parser.push(`${header}\n${AWS_ACCEPTED}\n`);
    parser.close();
    expect(parser.info.headers).toBe(0);
    expect(parser.info.malformed).toEqual({ 'bad-number': { count: 1, firstLines: [1] } });
    expect(records).toHaveLength(1);
    // By default the same text starts with a header.
    expect(parse(`${header}\n${AWS_ACCEPTED}\n`).info.headers).toBe(1);
  });

  it('keeps each address as written when it shares address texts between records', () => {
    const format = RecordFormat.fromFormatString('${srcaddr} ${dstaddr}');
    const { records, info } = parse('10.0.0.1 10.0.0.2\n010.0.0.1 10.0.0.2\n10.0.0.1 10.00.0.2\n255.255.255.255 0.0.0.0\n', { format });
    expect(records).toEqual([
      { srcAddr: '10.0.0.1', dstAddr: '10.0.0.2' },
      { srcAddr: '010.0.0.1', dstAddr: '10.0.0.2' },
      { srcAddr: '10.0.0.1', dstAddr: '10.00.0.2' },
      { srcAddr: '255.255.255.255', dstAddr: '0.0.0.0' },
    ]);
    expect(info.skipped).toBe(0);
  });

  it('takes the format from a header line, as in files delivered to S3', () => {
    const { records, info } = parse('version srcaddr dstaddr dstport action flow-direction reject-reason\n8 10.0.10.5 10.0.100.20 5432 REJECT ingress -\n');
    expect(info.headers).toBe(1);
    expect(records).toEqual([
      { version: 8, srcAddr: '10.0.10.5', dstAddr: '10.0.100.20', dstPort: 5432, action: 'REJECT', flowDirection: 'ingress', rejectReason: null },
    ]);
  });

  it('counts bad lines per reason with their first line numbers, and keeps going', () => {
    const text = [
      AWS_ACCEPTED,
      '2 123 eni-x',
      AWS_ACCEPTED.replace(' 20641 ', ' twenty '),
      '',
      AWS_REJECTED,
      '2  123456789010 eni-1 a b 1 2 6 1 1 1 1 ACCEPT OK',
    ].join('\n');
    const { records, info } = parse(text);
    expect(records).toHaveLength(2);
    expect(info.malformed).toEqual({ 'field-count': { count: 2, firstLines: [2, 6] }, 'bad-number': { count: 1, firstLines: [3] } });
    expect(info).toMatchObject({ lines: 6, records: 2, skipped: 3 });
  });

  it('makes the first bad line an error in strict mode, naming the line', () => {
    expect(() => parse(`${AWS_ACCEPTED}\n2 123 eni-x\n`, { strict: true })).toThrowError(/line 2: 3 fields, the format has 14/);
  });

  it('handles CRLF and any chunking of the same bytes', () => {
    const text = `${AWS_ACCEPTED}\r\n${AWS_NODATA}\r\n${AWS_REJECTED}`;
    const whole = parse(text).records;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: text.length - 1 }), { maxLength: 6 }), (cuts) => {
        const bytes = new TextEncoder().encode(text);
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const records: unknown[] = [];
        const parser = new RecordParser({ onRecord: (v) => records.push(v) });
        let last = 0;
        for (const p of [...points, bytes.length]) {
          parser.push(bytes.subarray(last, p));
          last = p;
        }
        parser.close();
        expect(records).toHaveLength(whole.length);
      }),
    );
  });

  it('decodes UTF-8 split across chunks, between ASCII chunks', () => {
    const text = `version ecs-service-name action\n7 café-api ACCEPT\n7 plain ACCEPT\n7 日本 REJECT\n`;
    const bytes = new TextEncoder().encode(text);
    const cut = bytes.indexOf(0xc3) + 1; // inside the é
    const afterCafe = bytes.indexOf(10, cut) + 1;
    const afterPlain = bytes.indexOf(10, afterCafe) + 1;
    const records: unknown[] = [];
    const parser = new RecordParser({ onRecord: (v) => records.push([...v]) });
    // UTF-8 start, its continuation, a pure-ASCII chunk (the fast path), then UTF-8 again.
    for (const [a, b] of [
      [0, cut],
      [cut, afterCafe],
      [afterCafe, afterPlain],
      [afterPlain, bytes.length],
    ] as const)
      parser.push(bytes.subarray(a, b));
    parser.close();
    expect(records).toEqual([
      [7, 'café-api', 'ACCEPT'],
      [7, 'plain', 'ACCEPT'],
      [7, '日本', 'REJECT'],
    ]);
  });

  it('counts bytes, lines, records and skips, and hands each bad line to onSkip with its raw text', () => {
    // Expected values counted by hand from the input below: 3 lines of text plus two blank ones.
    const text = `${AWS_ACCEPTED}\n \u00a0\n2 123 eni-é\n\n${AWS_NODATA}\n`;
    const skipped: [string, string][] = [];
    const parser = new RecordParser({ onRecord: () => undefined, onSkip: (error, raw) => skipped.push([error.code, raw]) });
    const bytes = new TextEncoder().encode(text);
    for (let at = 0; at < bytes.length; at += 7) parser.push(bytes.subarray(at, at + 7));
    parser.close();
    expect(parser.info).toEqual({
      bytes: bytes.length,
      lines: 5,
      records: 2,
      headers: 0,
      skipped: 1,
      malformed: { 'field-count': { count: 1, firstLines: [3] } },
    });
    expect(skipped).toEqual([['field-count', '2 123 eni-é']]);
  });

  it('never throws on arbitrary input, and counts every non-blank line', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom(AWS_ACCEPTED, AWS_NODATA, '2 1 2 3'))), (lines) => {
        const { info } = parse(lines.join('\n'));
        const nonBlank = lines
          .join('\n')
          .split('\n')
          .filter((l) => l.trim() !== '').length;
        expect(info.records + info.skipped + info.headers).toBe(nonBlank);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a format with an unknown field, with the typed error', () => {
    let error: unknown;
    try {
      RecordFormat.fromFormatString('${version} ${srcaddress}');
    } catch (e) {
      error = e;
    }
    expect(isFlowLogError(error) && error.code).toBe('bad-format');
  });
});
