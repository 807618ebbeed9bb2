import { describe, expect, it } from 'vitest';
import { assertValidSpec, modelFromSpec, preset } from '@artos/model';
import { createAnnotator } from './explain.js';
import { explainRow, recordOfRow } from './explain-row.js';
import { RecordFormat } from './record-format.js';

describe('explaining a row from the record itself', () => {
  it('reads the fields from @message in the default format', () => {
    // AWS, "Flow log record examples" (VPC User Guide): accepted SSH traffic, default format v2.
    const row = { '@message': '2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK' };
    expect(recordOfRow(row)).toMatchObject({
      srcAddr: '172.31.16.139',
      dstAddr: '172.31.16.21',
      srcPort: '20641',
      dstPort: '22',
      protocol: '6',
      action: 'ACCEPT',
    });
  });

  it('explains a plain `filter action = "REJECT"` row without projected fields, and a custom format by --format', () => {
    const annotator = createAnnotator(modelFromSpec(assertValidSpec(preset('production'))));
    const text = explainRow(annotator, {
      '@message': '2 123456789012 eni-0a1b2c3d4e5f60718 10.0.10.77 10.0.100.20 45235 5432 6 2 120 1609459200 1609459260 REJECT OK',
    });
    expect(text).toContain('"PostgreSQL from application pods"');
    expect(text).toContain('admits it if 10.0.10.77 is in group eks-nodes');
    const custom = RecordFormat.fromFormatString('${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${action}');
    expect(explainRow(annotator, { '@message': '10.0.10.77 10.0.100.20 45235 5432 6 REJECT' }, custom)).toContain('PostgreSQL from application pods');
    expect(explainRow(annotator, { '@message': 'garbage' })).toContain('needs srcAddr');
  });
});
