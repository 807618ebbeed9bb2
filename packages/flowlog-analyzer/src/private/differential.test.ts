import { describe, expect, it } from 'vitest';
import { assertValidSpec, preset } from '@artos/model';
import { generateSampleTraffic } from './sample-traffic.js';
import { runQueryOnText } from './run-query.js';

// An independent reading of the same lines: plain split and Number, no shared code.
interface R { src: string | null; dst: string | null; sp: number | null; dp: number | null; proto: number | null; packets: number | null; bytes: number | null; start: number; action: string | null; status: string; eni: string }
const spec = assertValidSpec(preset('production'));
const lines = [...generateSampleTraffic(spec, { records: 30_000, seed: 7 })];
const text = lines.join('\n');
const num = (s: string) => (s === '-' ? null : Number(s));
const records: R[] = lines.map((l) => {
  const p = l.split(' ');
  return { eni: p[2]!, src: p[3] === '-' ? null : p[3]!, dst: p[4] === '-' ? null : p[4]!, sp: num(p[5]!), dp: num(p[6]!), proto: num(p[7]!), packets: num(p[8]!), bytes: num(p[9]!), start: Number(p[10]), action: p[12] === '-' ? null : p[12]!, status: p[13]! };
});
const inSubnet = (a: string | null, prefix: string) => a !== null && a.startsWith(prefix);
const groupCount = <K extends string>(rows: R[], key: (r: R) => K) => {
  const m = new Map<K, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
  return m;
};
const sortRows = (rows: readonly Record<string, string>[]) => [...rows].map((r) => JSON.stringify(Object.entries(r).sort())).sort();

interface Case {
  name: string;
  query: string;
  expected: () => Record<string, string>[];
  ordered?: boolean;
}

const rejects = records.filter((r) => r.action === 'REJECT');
const CASES: Case[] = [
  { name: 'count all', query: 'stats count(*) as n', expected: () => [{ n: String(records.length) }] },
  { name: 'count rejects', query: 'filter action = "REJECT" | stats count() as n', expected: () => [{ n: String(rejects.length) }] },
  {
    name: "the seed's question, top 20",
    query: 'filter action = "REJECT" | stats count() as n by srcAddr, dstPort | sort n desc, srcAddr asc, dstPort asc | limit 20',
    ordered: true,
    expected: () =>
      [...groupCount(rejects, (r) => `${r.src}|${r.dp}` as string)]
        .map(([k, n]) => ({ srcAddr: k.split('|')[0]!, dstPort: k.split('|')[1]!, n }))
        .sort((a, b) => b.n - a.n || (a.srcAddr < b.srcAddr ? -1 : a.srcAddr > b.srcAddr ? 1 : Number(a.dstPort) < Number(b.dstPort) ? -1 : 1))
        .slice(0, 20)
        .map((r) => ({ srcAddr: r.srcAddr, dstPort: r.dstPort, n: String(r.n) })),
  },
  { name: 'rejected 5432 by source', query: 'filter dstPort = 5432 and action = "REJECT" | stats count(*) as n by srcAddr', expected: () => [...groupCount(rejects.filter((r) => r.dp === 5432), (r) => r.src!)].map(([s, n]) => ({ srcAddr: s, n: String(n) })) },
  { name: 'bytes by action', query: 'filter ispresent(action) | stats sum(bytes) as total by action', expected: () => ['ACCEPT', 'REJECT'].map((a) => ({ action: a, total: String(records.filter((r) => r.action === a).reduce((sum, r) => sum + (r.bytes ?? 0), 0)) })) },
  { name: 'NODATA and SKIPDATA counted', query: 'filter logStatus in ["NODATA", "SKIPDATA"] | stats count() as n by logStatus', expected: () => [...groupCount(records.filter((r) => r.status !== 'OK'), (r) => r.status)].map(([s, n]) => ({ logStatus: s, n: String(n) })) },
  { name: 'distinct destination ports per source (scan shape)', query: 'filter action = "REJECT" | stats count_distinct(dstPort) as ports by srcAddr | filter ports > 20', expected: () => [...new Set(rejects.map((r) => r.src!))].map((s) => ({ srcAddr: s, ports: new Set(rejects.filter((r) => r.src === s).map((r) => r.dp)).size })).filter((r) => r.ports > 20).map((r) => ({ srcAddr: r.srcAddr, ports: String(r.ports) })) },
  { name: 'outside the VPC', query: 'filter not isIpv4InSubnet(dstAddr, "10.0.0.0/16") and ispresent(dstAddr) | stats sum(bytes) as b by dstAddr', expected: () => [...new Set(records.filter((r) => r.dst && !r.dst.startsWith('10.0.')).map((r) => r.dst!))].map((d) => ({ dstAddr: d, b: String(records.filter((r) => r.dst === d).reduce((s, r) => s + (r.bytes ?? 0), 0)) })) },
  { name: 'min, max, avg packets on 443', query: 'filter dstPort = 443 | stats min(packets) as lo, max(packets) as hi, avg(packets) as mean', expected: () => { const p = records.filter((r) => r.dp === 443).map((r) => r.packets!); return [{ lo: String(Math.min(...p)), hi: String(Math.max(...p)), mean: String(Math.round((p.reduce((a, b) => a + b, 0) / p.length) * 1e6) / 1e6) }]; } },
  { name: 'pct 95 of bytes', query: 'filter ispresent(bytes) | stats pct(bytes, 95) as p95', expected: () => { const b = records.filter((r) => r.bytes !== null).map((r) => r.bytes!).sort((x, y) => x - y); return [{ p95: String(b[Math.ceil(0.95 * b.length) - 1]) }]; } },
  { name: 'like with a string', query: 'filter srcAddr like "10.0.10." | stats count() as n', expected: () => [{ n: String(records.filter((r) => r.src?.includes('10.0.10.')).length) }] },
  { name: 'like with a regex', query: 'filter dstAddr like /^10\\.0\\.[12]00\\./ | stats count() as n', expected: () => [{ n: String(records.filter((r) => /^10\.0\.[12]00\./.test(r.dst ?? '')).length) }] },
  { name: 'arithmetic in fields and filter', query: 'fields bytes / packets as per | filter per > 1000 | stats count() as n', expected: () => [{ n: String(records.filter((r) => r.bytes !== null && r.packets !== null && r.bytes / r.packets > 1000).length) }] },
  { name: 'or, not and !=', query: 'filter (dstPort = 22 or dstPort = 3389) and action != "ACCEPT" | stats count() as n', expected: () => [{ n: String(records.filter((r) => (r.dp === 22 || r.dp === 3389) && r.action !== null && r.action !== 'ACCEPT').length) }] },
  { name: 'UDP by protocol number', query: 'filter protocol = 17 | stats count() as n by dstPort', expected: () => [...groupCount(records.filter((r) => r.proto === 17), (r) => String(r.dp))].map(([p, n]) => ({ dstPort: p, n: String(n) })) },
  { name: 'bin(5m) time buckets of rejects', query: 'filter action = "REJECT" | stats count() as n by bin(5m)', expected: () => [...groupCount(rejects, (r) => new Date(Math.floor((r.start * 1000) / 300000) * 300000).toISOString().replace('T', ' ').replace('Z', ''))].map(([t, n]) => ({ 'bin(5m)': t, n: String(n) })) },
  { name: 'dedup then count', query: 'filter action = "REJECT" | dedup srcAddr | stats count() as n', expected: () => [{ n: String(new Set(rejects.map((r) => r.src)).size) }] },
  { name: 'newest rows first, limited', query: 'fields @timestamp, srcAddr, dstPort | filter dstPort = 10250 | limit 5', ordered: true, expected: () => records.filter((r) => r.dp === 10250).map((r, i) => ({ r, i })).sort((a, b) => b.r.start - a.r.start || a.i - b.i).slice(0, 5).map(({ r }) => ({ '@timestamp': new Date(r.start * 1000).toISOString().replace('T', ' ').replace('Z', ''), srcAddr: r.src!, dstPort: String(r.dp) })) },
  { name: 'in with numbers', query: 'filter dstPort in [5432, 10250] | stats count() as n', expected: () => [{ n: String(records.filter((r) => r.dp === 5432 || r.dp === 10250).length) }] },
  { name: 'subnet of the private tier', query: 'filter isIpv4InSubnet(srcAddr, "10.0.20.0/24") | stats count() as n', expected: () => [{ n: String(records.filter((r) => inSubnet(r.src, '10.0.20.')).length) }] },
];

describe('local engine against an independent computation', () => {
  it('has at least 15 queries', () => expect(CASES.length).toBeGreaterThanOrEqual(15));
  it.each(CASES)('$name', ({ query, expected, ordered }) => {
    const result = runQueryOnText(query, text);
    const want = expected();
    if (ordered) {
      // Ties among equal timestamps may come in any order; compare the timestamps' order and the set.
      expect(sortRows(result.rows)).toEqual(sortRows(want));
      expect(result.rows.map((r) => r['@timestamp'] ?? r['n'])).toEqual(want.map((r) => r['@timestamp'] ?? r['n']));
    } else {
      expect(sortRows(result.rows)).toEqual(sortRows(want));
    }
    expect(result.statistics.recordsScanned).toBe(records.length);
  });
});
