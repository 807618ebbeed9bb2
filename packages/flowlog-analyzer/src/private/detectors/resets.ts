import { rowsWindow, type Detector } from './threat-finding.js';

/**
 * Connection resets: records whose tcp-flags carry RST (4), by the address and port that sent
 * it. Many resets from one service port mean nothing listens there (or it refuses), which a
 * security group cannot tell: the flow was admitted.
 */
export const resets: Detector = {
  id: 'resets',
  title: 'Connection resets',
  queryId: 'resets',
  requires: ['tcpFlags'],
  detect(rows) {
    const bySender = new Map<string, typeof rows>();
    for (const r of rows) {
      const key = `${r['srcAddr']}:${r['srcPort']}`;
      bySender.set(key, [...(bySender.get(key) ?? []), r]);
    }
    return [...bySender].map(([sender, evidence]) => {
      const connections = Math.max(...evidence.map((r) => Number(r['connections'] ?? 0)));
      return {
        detector: 'resets',
        severity: 'medium' as const,
        title: `${sender} reset ${connections} connection(s)`,
        window: rowsWindow(evidence),
        evidence,
        action: `the flows were admitted but ${sender} answered with RST: check that the service listens on that port (a NodePort with no Service behind it, a stopped pod) and who keeps calling it`,
      };
    });
  },
};
