import { binToIso, groupBy, type Detector } from './threat-finding.js';

/** Rejected traffic patterns: one source refused again and again on one destination and port. */
export const repeatedRejects: Detector = {
  id: 'repeated-rejects',
  title: 'Rejected traffic patterns',
  queryId: 'repeated-rejects',
  requires: ['action', 'srcAddr', 'dstAddr', 'dstPort'],
  rowKeys: ['srcAddr', 'dstAddr', 'dstPort'],
  detect(rows) {
    return [...groupBy(rows, (r) => `${r['srcAddr']}→${r['dstAddr']}:${r['dstPort']}`)].map(([, evidence]) => {
      const first = evidence[0]!;
      const total = evidence.reduce((s, r) => s + Number(r['rejects'] ?? 0), 0);
      const windows = evidence
        .map((r) => r['window'])
        .filter((w): w is string => w !== undefined)
        .sort();
      const isDatabase = first['dstPort'] === '5432';
      return {
        detector: 'repeated-rejects',
        severity: isDatabase ? ('high' as const) : ('medium' as const),
        title: `${total} rejects from ${first['srcAddr']} to ${first['dstAddr']}:${first['dstPort']}${isDatabase ? ' (PostgreSQL)' : ''}`,
        window: { start: binToIso(windows[0]), end: binToIso(windows[windows.length - 1], 5 * 60_000) },
        evidence,
        action: isDatabase
          ? `the RDS group admits 5432 only from the EKS nodes group: if ${first['srcAddr']} should reach the database, attach the nodes group to it; otherwise find out why it tries (artos-net flowlogs explain)`
          : `check whether ${first['srcAddr']} should reach port ${first['dstPort']} (artos-net flowlogs explain)`,
      };
    });
  },
};
