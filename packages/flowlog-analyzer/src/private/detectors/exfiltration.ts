import { secondsToIso, type Detector } from './threat-finding.js';

/** Data-exfiltration indicators: large byte counts accepted to outside addresses. */
export const exfiltration: Detector = {
  id: 'exfiltration',
  title: 'Data-exfiltration indicators',
  queryId: 'exfiltration-indicators',
  detect(rows) {
    return rows.map((r) => ({
      detector: 'exfiltration',
      severity: 'high' as const,
      title: `${(Number(r['bytes'] ?? 0) / 1e9).toFixed(2)} GB from ${r['srcAddr']} to ${r['dstAddr']}, outside the VPC`,
      window: { start: secondsToIso(r['first']), end: secondsToIso(r['last']) },
      evidence: [r],
      action: `identify the workload at ${r['srcAddr']} and the owner of ${r['dstAddr']}; this network routes nothing to the internet, so the transfer left over peering, VPN or a transit gateway`,
    }));
  },
};
