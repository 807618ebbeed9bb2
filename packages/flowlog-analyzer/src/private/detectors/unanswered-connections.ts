import { groupBy, rowsWindow, type Detector } from './threat-finding.js';

/** An answer to a SYN: SYN-ACK (18) or a reset (RST 4), alone or OR-ed with FIN (1). */
const isAnswer = (flags: number) => (flags & 18) === 18 || (flags & 4) === 4;

/**
 * Connection attempts never answered: a record with SYN only (tcp-flags 2) and no record on the
 * same ENI carrying SYN-ACK (18) or RST (4) back in the reverse 5-tuple (a reset is an answer: see
 * the resets detector). AWS logs both directions on each
 * ENI and ORs the flags per aggregation interval ("Flow log records", tcp-flags; "Flow log record
 * examples", TCP flag sequence: SYN 2 from the client, SYN-ACK 18 from the server).
 */
export const unansweredConnections: Detector = {
  id: 'unanswered-connections',
  title: 'Connection attempts never answered',
  queryId: 'unanswered-connections',
  requires: ['tcpFlags'],
  detect(rows) {
    const answered = new Set(
      rows.filter((r) => isAnswer(Number(r['tcpFlags']))).map((r) => `${r['interfaceId']} ${r['dstAddr']}:${r['dstPort']}>${r['srcAddr']}:${r['srcPort']}`),
    );
    const unanswered = rows.filter(
      (r) => Number(r['tcpFlags']) === 2 && !answered.has(`${r['interfaceId']} ${r['srcAddr']}:${r['srcPort']}>${r['dstAddr']}:${r['dstPort']}`),
    );
    return [...groupBy(unanswered, (r) => `${r['srcAddr']}>${r['dstAddr']} ${r['interfaceId']} ${r['action']}`)].map(([, evidence]) => {
      const first = evidence[0]!;
      const ports = [...new Set(evidence.map((r) => r['dstPort']))];
      const portText = ports.length === 1 ? `:${ports[0]}` : ` on ${ports.length} ports (${ports.slice(0, 5).join(', ')}${ports.length > 5 ? ', …' : ''})`;
      const rejected = first['action'] === 'REJECT';
      return {
        detector: 'unanswered-connections',
        severity: rejected ? ('medium' as const) : ('high' as const),
        title: `${evidence.length} connection attempt(s) from ${first['srcAddr']} to ${first['dstAddr']}${portText} never answered, seen on ${first['interfaceId']} (${rejected ? 'REJECTed there' : 'ACCEPTed there, no SYN-ACK came back'})`,
        window: rowsWindow(evidence),
        evidence,
        action: rejected
          ? `a security group or network ACL on ${first['interfaceId']} drops the SYN: explain it (artos-net flowlogs explain${ports.length === 1 ? ` --port ${ports[0]}` : ''})`
          : `the SYN passed ${first['interfaceId']} but nothing answered: is the service on ${first['dstAddr']} up, and does the far side (its group, its NACL, the route) admit it?`,
      };
    });
  },
};
