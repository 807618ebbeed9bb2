import { binToIso, groupBy, type Detector } from './threat-finding.js';

const WINDOW_MS = 5 * 60_000;

/** Port scanning: one source, many distinct destination ports or addresses in a window. */
export const portScan: Detector = {
  id: 'port-scan',
  title: 'Port scanning attempts',
  queryId: 'port-scan-candidates',
  requires: ['action', 'srcAddr', 'dstAddr', 'dstPort'],
  rowKeys: ['srcAddr'],
  detect(rows) {
    return [...groupBy(rows, (r) => r['srcAddr'] ?? '?')].map(([source, evidence]) => {
      const ports = Math.max(...evidence.map((r) => Number(r['ports'] ?? 0)));
      const targets = Math.max(...evidence.map((r) => Number(r['targets'] ?? 0)));
      const windows = evidence
        .map((r) => r['window'])
        .filter((w): w is string => w !== undefined)
        .sort();
      return {
        detector: 'port-scan',
        severity: 'high' as const,
        title: `port scan from ${source}: ${ports} distinct ports, ${targets} addresses in one window, all rejected`,
        window: { start: binToIso(windows[0]), end: binToIso(windows[windows.length - 1], WINDOW_MS) },
        evidence,
        action: `find what runs at ${source} (aws ec2 describe-network-interfaces --filters Name=addresses.private-ip-address,Values=${source}) and isolate it; the rejects show the security groups held`,
      };
    });
  },
};
