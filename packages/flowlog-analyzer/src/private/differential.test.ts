import { describe, expect, it } from 'vitest';
import { assertValidSpec, preset } from '@artos/model';
import { generateSampleTraffic } from './sample-traffic.js';
import { runQueryOnText } from './run-query.js';

// An independent reading of the same lines: plain split and Number, no shared code.
interface R {
  src: string | null;
  dst: string | null;
  sp: number | null;
  dp: number | null;
  proto: number | null;
  packets: number | null;
  bytes: number | null;
  start: number;
  action: string | null;
  status: string;
  eni: string;
}
const spec = assertValidSpec(preset('production'));
const lines = [...generateSampleTraffic(spec, { records: 30_000, seed: 7 })];
const text = lines.join('\n');
const num = (s: string) => (s === '-' ? null : Number(s));
const records: R[] = lines.map((l) => {
  const p = l.split(' ');
  return {
    eni: p[2]!,
    src: p[3] === '-' ? null : p[3]!,
    dst: p[4] === '-' ? null : p[4]!,
    sp: num(p[5]!),
    dp: num(p[6]!),
    proto: num(p[7]!),
    packets: num(p[8]!),
    bytes: num(p[9]!),
    start: Number(p[10]),
    action: p[12] === '-' ? null : p[12]!,
    status: p[13]!,
  };
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
  /** For an ordered result: the column whose sequence must match (ties may come in any order). */
  orderBy?: string;
  /** Numeric columns compared to 6 significant digits (floating sums in another order). */
  close?: boolean;
  /** Numeric columns within this relative error of the expected (pct past 4,096 distinct values: percentile-summary.ts). */
  relative?: number;
  /** statistics.recordsMatched expected, when checked. */
  matched?: () => number;
}

const rejects = records.filter((r) => r.action === 'REJECT');
// Independent helpers: IPv4 text in octet order is Insights' natural order for dotted quads (sort page).
const octets = (a: string) => a.split('.').map(Number);
const ipOrder = (a: string, b: string) => {
  const x = octets(a);
  const y = octets(b);
  for (let i = 0; i < 4; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return 0;
};
const ts = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
const count = <T>(rows: readonly T[], key: (r: T) => string) => [...groupCount(rows as never[], key as never)];
const eni = (line: string) => line.split(' ')[2]!;
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
  {
    name: 'rejected 5432 by source',
    query: 'filter dstPort = 5432 and action = "REJECT" | stats count(*) as n by srcAddr',
    expected: () =>
      [
        ...groupCount(
          rejects.filter((r) => r.dp === 5432),
          (r) => r.src!,
        ),
      ].map(([s, n]) => ({ srcAddr: s, n: String(n) })),
  },
  {
    name: 'bytes by action',
    query: 'filter ispresent(action) | stats sum(bytes) as total by action',
    expected: () =>
      ['ACCEPT', 'REJECT'].map((a) => ({ action: a, total: String(records.filter((r) => r.action === a).reduce((sum, r) => sum + (r.bytes ?? 0), 0)) })),
  },
  {
    name: 'NODATA and SKIPDATA counted',
    query: 'filter logStatus in ["NODATA", "SKIPDATA"] | stats count() as n by logStatus',
    expected: () =>
      [
        ...groupCount(
          records.filter((r) => r.status !== 'OK'),
          (r) => r.status,
        ),
      ].map(([s, n]) => ({ logStatus: s, n: String(n) })),
  },
  {
    name: 'distinct destination ports per source (scan shape)',
    query: 'filter action = "REJECT" | stats count_distinct(dstPort) as ports by srcAddr | filter ports > 20',
    expected: () =>
      [...new Set(rejects.map((r) => r.src!))]
        .map((s) => ({ srcAddr: s, ports: new Set(rejects.filter((r) => r.src === s).map((r) => r.dp)).size }))
        .filter((r) => r.ports > 20)
        .map((r) => ({ srcAddr: r.srcAddr, ports: String(r.ports) })),
  },
  {
    name: 'outside the VPC',
    query: 'filter not isIpv4InSubnet(dstAddr, "10.0.0.0/16") and ispresent(dstAddr) | stats sum(bytes) as b by dstAddr',
    expected: () =>
      [...new Set(records.filter((r) => r.dst && !r.dst.startsWith('10.0.')).map((r) => r.dst!))].map((d) => ({
        dstAddr: d,
        b: String(records.filter((r) => r.dst === d).reduce((s, r) => s + (r.bytes ?? 0), 0)),
      })),
  },
  {
    name: 'min, max, avg packets on 443',
    query: 'filter dstPort = 443 | stats min(packets) as lo, max(packets) as hi, avg(packets) as mean',
    expected: () => {
      const p = records.filter((r) => r.dp === 443).map((r) => r.packets!);
      return [{ lo: String(Math.min(...p)), hi: String(Math.max(...p)), mean: String(Math.round((p.reduce((a, b) => a + b, 0) / p.length) * 1e6) / 1e6) }];
    },
  },
  {
    name: 'pct 95 of bytes',
    query: 'filter ispresent(bytes) | stats pct(bytes, 95) as p95',
    relative: 0.01,
    expected: () => {
      const b = records
        .filter((r) => r.bytes !== null)
        .map((r) => r.bytes!)
        .sort((x, y) => x - y);
      return [{ p95: String(b[Math.ceil(0.95 * b.length) - 1]) }];
    },
  },
  {
    name: 'like with a string',
    query: 'filter srcAddr like "10.0.10." | stats count() as n',
    expected: () => [{ n: String(records.filter((r) => r.src?.includes('10.0.10.')).length) }],
  },
  {
    name: 'like with a regex',
    query: 'filter dstAddr like /^10\\.0\\.[12]00\\./ | stats count() as n',
    expected: () => [{ n: String(records.filter((r) => /^10\.0\.[12]00\./.test(r.dst ?? '')).length) }],
  },
  {
    name: 'arithmetic in fields and filter',
    query: 'fields bytes / packets as per | filter per > 1000 | stats count() as n',
    expected: () => [{ n: String(records.filter((r) => r.bytes !== null && r.packets !== null && r.bytes / r.packets > 1000).length) }],
  },
  {
    name: 'or, not and !=',
    query: 'filter (dstPort = 22 or dstPort = 3389) and action != "ACCEPT" | stats count() as n',
    expected: () => [{ n: String(records.filter((r) => (r.dp === 22 || r.dp === 3389) && r.action !== null && r.action !== 'ACCEPT').length) }],
  },
  {
    name: 'UDP by protocol number',
    query: 'filter protocol = 17 | stats count() as n by dstPort',
    expected: () =>
      [
        ...groupCount(
          records.filter((r) => r.proto === 17),
          (r) => String(r.dp),
        ),
      ].map(([p, n]) => ({ dstPort: p, n: String(n) })),
  },
  {
    name: 'bin(5m) time buckets of rejects',
    query: 'filter action = "REJECT" | stats count() as n by bin(5m)',
    expected: () =>
      [...groupCount(rejects, (r) => new Date(Math.floor((r.start * 1000) / 300000) * 300000).toISOString().replace('T', ' ').replace('Z', ''))].map(
        ([t, n]) => ({ 'bin(5m)': t, n: String(n) }),
      ),
  },
  // dedup keeps one row per value, the newest (AWS's dedup page: default order @timestamp desc).
  {
    name: 'dedup keeps one row per source',
    query: 'filter action = "REJECT" | fields srcAddr | dedup srcAddr',
    expected: () => [...new Set(rejects.map((r) => r.src!))].map((s) => ({ srcAddr: s })),
  },
  {
    name: 'newest rows first, limited',
    query: 'fields @timestamp, srcAddr, dstPort | filter dstPort = 10250 | limit 5',
    ordered: true,
    expected: () =>
      records
        .filter((r) => r.dp === 10250)
        .map((r, i) => ({ r, i }))
        .sort((a, b) => b.r.start - a.r.start || a.i - b.i)
        .slice(0, 5)
        .map(({ r }) => ({ '@timestamp': new Date(r.start * 1000).toISOString().replace('T', ' ').replace('Z', ''), srcAddr: r.src!, dstPort: String(r.dp) })),
  },
  {
    name: 'in with numbers',
    query: 'filter dstPort in [5432, 10250] | stats count() as n',
    expected: () => [{ n: String(records.filter((r) => r.dp === 5432 || r.dp === 10250).length) }],
  },
  {
    name: 'subnet of the private tier',
    query: 'filter isIpv4InSubnet(srcAddr, "10.0.20.0/24") | stats count() as n',
    expected: () => [{ n: String(records.filter((r) => inSubnet(r.src, '10.0.20.')).length) }],
  },
  // ---- sort, missing values, dedup (AWS "sort" and "dedup" pages) ----
  {
    name: 'AWS sample: top 15 packet transfers across hosts (NODATA group not first)',
    query: 'stats sum(packets) as packetsTransferred by srcAddr, dstAddr | sort packetsTransferred desc | limit 15',
    ordered: true,
    orderBy: 'packetsTransferred',
    expected: () => {
      const m = new Map<string, number>();
      for (const r of records) if (r.packets !== null) m.set(`${r.src}|${r.dst}`, (m.get(`${r.src}|${r.dst}`) ?? 0) + r.packets);
      return [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 15)
        .map(([k, v]) => ({ srcAddr: k.split('|')[0]!, dstAddr: k.split('|')[1]!, packetsTransferred: String(v) }));
    },
  },
  {
    name: 'natural sort of addresses, ascending',
    query: 'stats count() as n by srcAddr | sort srcAddr asc | limit 12',
    ordered: true,
    orderBy: 'srcAddr',
    expected: () =>
      count(
        records.filter((r) => r.src !== null),
        (r) => r.src!,
      )
        .sort((a, b) => ipOrder(a[0], b[0]))
        .slice(0, 12)
        .map(([s, n]) => ({ srcAddr: s, n: String(n) })),
  },
  {
    name: 'natural sort of addresses, descending',
    query: 'stats count() as n by dstAddr | sort dstAddr desc | limit 12',
    ordered: true,
    orderBy: 'dstAddr',
    expected: () =>
      count(
        records.filter((r) => r.dst !== null),
        (r) => r.dst!,
      )
        .sort((a, b) => ipOrder(b[0], a[0]))
        .slice(0, 12)
        .map(([s, n]) => ({ dstAddr: s, n: String(n) })),
  },
  {
    name: 'dedup after sort keeps the biggest flow per port',
    query: 'fields dstPort, bytes | filter ispresent(dstPort) | sort bytes desc | dedup dstPort',
    expected: () =>
      count(
        records.filter((r) => r.dp !== null),
        (r) => String(r.dp),
      ).map(([p]) => ({ dstPort: p, bytes: String(Math.max(...records.filter((r) => String(r.dp) === p).map((r) => r.bytes!))) })),
  },
  {
    name: 'dedup keeps rows with null values',
    query: 'fields srcAddr, logStatus | dedup srcAddr | limit 100000',
    expected: () => [
      ...count(
        records.filter((r) => r.src !== null),
        (r) => r.src!,
      ).map(([s]) => ({ srcAddr: s, logStatus: records.find((r) => r.src === s)!.status })),
      ...records.filter((r) => r.src === null).map((r) => ({ logStatus: r.status })),
    ],
  },
  {
    name: 'recordsMatched counts events, not groups',
    query: 'filter action = "REJECT" | stats count() as n by srcAddr',
    matched: () => rejects.length,
    expected: () => count(rejects, (r) => r.src!).map(([s, n]) => ({ srcAddr: s, n: String(n) })),
  },
  // ---- aggregates ----
  {
    name: 'count_distinct sources per port',
    query: 'filter ispresent(dstPort) | stats count_distinct(srcAddr) as sources by dstPort',
    expected: () =>
      count(
        records.filter((r) => r.dp !== null),
        (r) => String(r.dp),
      ).map(([p]) => ({ dstPort: p, sources: String(new Set(records.filter((r) => String(r.dp) === p).map((r) => r.src)).size) })),
  },
  {
    name: 'stddev of bytes by action (sample deviation)',
    query: 'filter ispresent(action) | stats stddev(bytes) as sd by action',
    close: true,
    expected: () =>
      ['ACCEPT', 'REJECT'].map((a) => {
        const v = records.filter((r) => r.action === a).map((r) => r.bytes!);
        const mean = v.reduce((x, y) => x + y, 0) / v.length;
        return { action: a, sd: String(Math.sqrt(v.reduce((x, y) => x + (y - mean) ** 2, 0) / (v.length - 1))) };
      }),
  },
  {
    name: 'avg bytes by protocol',
    query: 'filter ispresent(protocol) | stats avg(bytes) as mean by protocol',
    close: true,
    expected: () =>
      count(
        records.filter((r) => r.proto !== null),
        (r) => String(r.proto),
      ).map(([p]) => {
        const v = records.filter((r) => String(r.proto) === p).map((r) => r.bytes!);
        return { protocol: p, mean: String(v.reduce((x, y) => x + y, 0) / v.length) };
      }),
  },
  {
    name: 'pct 50 of packets',
    query: 'filter ispresent(packets) | stats pct(packets, 50) as median',
    expected: () => {
      const v = records
        .filter((r) => r.packets !== null)
        .map((r) => r.packets!)
        .sort((x, y) => x - y);
      return [{ median: String(v[Math.ceil(0.5 * v.length) - 1]) }];
    },
  },
  {
    name: 'earliest and latest source per interface',
    query: 'filter ispresent(srcAddr) | stats earliest(srcAddr) as first, latest(srcAddr) as last by interfaceId',
    expected: () =>
      count(
        records.filter((r) => r.src !== null),
        (r) => r.eni,
      ).map(([e]) => {
        const rs = records.filter((r) => r.eni === e && r.src !== null);
        let f = rs[0]!;
        let l = rs[0]!;
        for (const r of rs) {
          if (r.start < f.start) f = r;
          if (r.start > l.start) l = r;
        }
        return { interfaceId: e, first: f.src!, last: l.src! };
      }),
  },
  {
    name: 'sortsFirst and sortsLast destination by action',
    query: 'filter ispresent(action) | stats sortsFirst(dstAddr) as lo, sortsLast(dstAddr) as hi by action',
    expected: () =>
      ['ACCEPT', 'REJECT'].map((a) => {
        const v = records
          .filter((r) => r.action === a)
          .map((r) => r.dst!)
          .sort(ipOrder);
        return { action: a, lo: v[0]!, hi: v[v.length - 1]! };
      }),
  },
  {
    name: 'min and max start time by status',
    query: 'stats min(startTime) as lo, max(startTime) as hi by logStatus',
    expected: () =>
      count(records, (r) => r.status).map(([s]) => {
        const v = records.filter((r) => r.status === s).map((r) => r.start);
        return { logStatus: s, lo: String(Math.min(...v)), hi: String(Math.max(...v)) };
      }),
  },
  // ---- datetime functions ----
  {
    name: 'datefloor to the hour',
    query: 'stats count() as n by datefloor(@timestamp, 1h)',
    expected: () => count(records, (r) => ts(Math.floor(r.start / 3600) * 3600 * 1000)).map(([t, n]) => ({ 'datefloor(@timestamp, 1h)': t, n: String(n) })),
  },
  {
    name: 'dateceil to 15 minutes',
    query: 'stats count() as n by dateceil(@timestamp, 15m) as slot',
    expected: () => count(records, (r) => ts(Math.ceil(r.start / 900) * 900 * 1000)).map(([t, n]) => ({ slot: t, n: String(n) })),
  },
  {
    name: 'toMillis of @timestamp',
    query: 'fields toMillis(@timestamp) as ms | stats max(ms) as m',
    expected: () => [{ m: String(Math.max(...records.map((r) => r.start)) * 1000) }],
  },
  {
    name: 'fromMillis of a computed number',
    query: 'fields fromMillis(startTime * 1000) as t | stats min(t) as first',
    expected: () => [{ first: ts(Math.min(...records.map((r) => r.start)) * 1000) }],
  },
  {
    name: 'bin(1h) counts of accepted flows',
    query: 'filter action = "ACCEPT" | stats count() as n by bin(1h)',
    expected: () =>
      count(
        records.filter((r) => r.action === 'ACCEPT'),
        (r) => ts(Math.floor(r.start / 3600) * 3600 * 1000),
      ).map(([t, n]) => ({ 'bin(1h)': t, n: String(n) })),
  },
  // ---- numeric functions and operators ----
  {
    name: 'greatest and least of the ports',
    query: 'filter ispresent(srcPort) | stats max(greatest(srcPort, dstPort)) as hi, min(least(srcPort, dstPort)) as lo',
    expected: () => {
      const v = records.filter((r) => r.sp !== null);
      return [{ hi: String(Math.max(...v.map((r) => Math.max(r.sp!, r.dp!)))), lo: String(Math.min(...v.map((r) => Math.min(r.sp!, r.dp!)))) }];
    },
  },
  {
    name: 'sum of sqrt and of log of bytes',
    query: 'filter bytes > 0 | stats sum(sqrt(bytes)) as s, sum(log(bytes)) as l',
    close: true,
    expected: () => {
      const v = records.filter((r) => r.bytes !== null && r.bytes > 0).map((r) => r.bytes!);
      return [{ s: String(v.reduce((a, b) => a + Math.sqrt(b), 0)), l: String(v.reduce((a, b) => a + Math.log(b), 0)) }];
    },
  },
  {
    name: 'exponent ^ and modulo %',
    query: 'filter srcPort % 2 = 0 | fields packets ^ 2 as sq | stats max(sq) as m, count() as n',
    expected: () => {
      const v = records.filter((r) => r.sp !== null && r.sp % 2 === 0);
      return [{ m: String(Math.max(...v.map((r) => r.packets! ** 2))), n: String(v.length) }];
    },
  },
  {
    name: 'abs, ceil and floor of bytes per packet',
    query:
      'filter packets > 0 | fields ceil(bytes / packets) as c, floor(bytes / packets) as f, abs(0 - bytes) as a | stats sum(c) as c, sum(f) as f, sum(a) as a',
    expected: () => {
      const v = records.filter((r) => r.packets !== null && r.packets > 0);
      return [
        {
          c: String(v.reduce((s, r) => s + Math.ceil(r.bytes! / r.packets!), 0)),
          f: String(v.reduce((s, r) => s + Math.floor(r.bytes! / r.packets!), 0)),
          a: String(v.reduce((s, r) => s + r.bytes!, 0)),
        },
      ];
    },
  },
  // ---- string functions ----
  {
    name: 'strcontains summed',
    query: 'stats sum(strcontains(srcAddr, "10.0.1")) as n',
    expected: () => [{ n: String(records.filter((r) => r.src?.includes('10.0.1')).length) }],
  },
  {
    name: 'substr of the source address',
    query: 'filter ispresent(srcAddr) | stats count() as n by substr(srcAddr, 0, 7) as prefix',
    expected: () =>
      count(
        records.filter((r) => r.src !== null),
        (r) => r.src!.slice(0, 7),
      ).map(([p, n]) => ({ prefix: p, n: String(n) })),
  },
  {
    name: 'replace in the action',
    query: 'filter ispresent(action) | stats count() as n by replace(action, "CC", "cc") as a',
    expected: () =>
      count(
        records.filter((r) => r.action !== null),
        (r) => r.action!.split('CC').join('cc'),
      ).map(([a, n]) => ({ a, n: String(n) })),
  },
  {
    name: 'ltrim with characters, on the interface id',
    query: 'stats count() as n by ltrim(interfaceId, "eni-") as id',
    expected: () => count(records, (r) => r.eni.replace(/^[eni-]+/, '')).map(([id, n]) => ({ id, n: String(n) })),
  },
  {
    name: 'tolower, toupper, strlen, concat',
    query: 'filter ispresent(action) | stats count() as n by concat(tolower(action), "-", toupper(logStatus), "-", strlen(action)) as k',
    expected: () =>
      count(
        records.filter((r) => r.action !== null),
        (r) => `${r.action!.toLowerCase()}-${r.status.toUpperCase()}-${r.action!.length}`,
      ).map(([k, n]) => ({ k, n: String(n) })),
  },
  {
    name: 'isblank and isempty of the action',
    query: 'stats sum(isblank(action)) as blank, sum(isempty(srcAddr)) as empty',
    expected: () => [{ blank: String(records.filter((r) => r.action === null).length), empty: String(records.filter((r) => r.src === null).length) }],
  },
  {
    name: 'coalesce a missing address',
    query: 'stats count() as n by coalesce(srcAddr, "none") as s | filter s = "none"',
    expected: () => {
      const n = records.filter((r) => r.src === null).length;
      return n > 0 ? [{ s: 'none', n: String(n) }] : [];
    },
  },
  { name: '(?i) in a like regex', query: 'filter action like /(?i)^reject$/ | stats count() as n', expected: () => [{ n: String(rejects.length) }] },
  {
    name: 'not in a list of ports',
    query: 'filter ispresent(dstPort) and dstPort not in [443, 5432, 10250] | stats count() as n',
    expected: () => [{ n: String(records.filter((r) => r.dp !== null && ![443, 5432, 10250].includes(r.dp)).length) }],
  },
  // ---- IP functions ----
  {
    name: 'isValidIpV4 and isValidIp',
    query: 'stats sum(isValidIpV4(srcAddr)) as v4, sum(isValidIp(dstAddr)) as any',
    expected: () => [{ v4: String(records.filter((r) => r.src !== null).length), any: String(records.filter((r) => r.dst !== null).length) }],
  },
  {
    name: 'isIpInSubnet with a /20',
    query: 'filter isIpInSubnet(dstAddr, "10.0.0.0/20") | stats count() as n',
    expected: () => [
      { n: String(records.filter((r) => r.dst !== null && octets(r.dst)[0] === 10 && octets(r.dst)[1] === 0 && octets(r.dst)[2]! < 16).length) },
    ],
  },
  {
    name: 'isIpv6InSubnet finds no IPv6 in IPv4 traffic',
    query: 'stats count() as n, sum(isIpv6InSubnet(srcAddr, "2001:db8::/32")) as v6',
    expected: () => [{ n: String(records.length), v6: '0' }],
  },
  // ---- system fields ----
  {
    name: '@logStream is one stream per interface',
    query: 'stats count_distinct(@logStream) as streams',
    expected: () => [{ streams: String(new Set(lines.map(eni)).size) }],
  },
  {
    name: 'case-insensitive function names',
    query: 'filter isPresent(srcAddr) and ISIPV4INSUBNET(srcAddr, "10.0.0.0/16") | stats COUNT(*) as n',
    expected: () => [{ n: String(records.filter((r) => r.src !== null && r.src.startsWith('10.0.')).length) }],
  },
];

describe('local engine against an independent computation', () => {
  it('has at least 40 queries', () => expect(CASES.length).toBeGreaterThanOrEqual(40));
  it.each(CASES)('$name', ({ query, expected, ordered, orderBy, close, relative, matched }) => {
    const result = runQueryOnText(query, text);
    const want = expected();
    if (matched) expect(result.statistics.recordsMatched).toBe(matched());
    if (relative !== undefined) {
      expect(result.rows).toHaveLength(want.length);
      want.forEach((row, i) => {
        for (const [k, v] of Object.entries(row)) expect(Math.abs(Number(result.rows[i]![k]) - Number(v))).toBeLessThanOrEqual(relative * Math.abs(Number(v)));
      });
    } else if (close) {
      const round = (rows: readonly Record<string, string>[]) =>
        rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, /^-?[\d.]+(e[-+]?\d+)?$/.test(v) ? Number(Number(v).toPrecision(6)) : v])));
      expect(sortRows(round(result.rows) as never)).toEqual(sortRows(round(want) as never));
    } else if (orderBy) {
      expect(result.rows.map((r) => r[orderBy])).toEqual(want.map((r) => r[orderBy]));
      expect(sortRows(result.rows)).toEqual(sortRows(want));
    } else if (ordered) {
      // Ties among equal timestamps may come in any order; compare the timestamps' order and the set.
      expect(sortRows(result.rows)).toEqual(sortRows(want));
      expect(result.rows.map((r) => r['@timestamp'] ?? r['n'])).toEqual(want.map((r) => r['@timestamp'] ?? r['n']));
    } else {
      expect(sortRows(result.rows)).toEqual(sortRows(want));
    }
    expect(result.statistics.recordsScanned).toBe(records.length);
  });
});
