import { groupBy, rowsWindow, type Detector } from './threat-finding.js';

/**
 * Pod attribution: a record whose pkt-srcaddr differs from srcaddr is a pod using a secondary
 * address of a node's ENI (AWS, "Flow log records", pkt-srcaddr: "where the IP address of a pod in
 * Amazon EKS is different from the IP address of the network interface of the instance node on
 * which the pod is running"). Those rows map pod → node ENI; a REJECT whose source is such a pod
 * is reported with the pod and the node it runs behind.
 */
export const podAttribution: Detector = {
  id: 'pod-attribution',
  title: 'Rejected pods, by node',
  queryId: 'pod-attribution',
  requires: ['pktSrcAddr'],
  detect(rows) {
    const nodeOf = new Map<string, { eni: string; node: string }>();
    for (const r of rows) {
      const pod = r['pktSrcAddr'];
      if (pod && r['srcAddr'] && pod !== r['srcAddr']) nodeOf.set(pod, { eni: r['interfaceId'] ?? '?', node: r['srcAddr'] });
    }
    const rejected = rows.filter((r) => r['action'] === 'REJECT' && r['pktSrcAddr'] !== undefined && nodeOf.has(r['pktSrcAddr']));
    return [...groupBy(rejected, (r) => `${r['pktSrcAddr']}>${r['dstAddr']}:${r['dstPort']}`)].map(([, evidence]) => {
      const first = evidence[0]!;
      const pod = first['pktSrcAddr']!;
      const where = nodeOf.get(pod)!;
      const records = evidence.reduce((s, r) => s + Number(r['records'] ?? 0), 0);
      return {
        detector: 'pod-attribution',
        severity: 'high' as const,
        title: `${records} REJECT(s) from pod ${pod} (behind node ${where.node}, ${where.eni}) to ${first['dstAddr']}:${first['dstPort']}`,
        window: rowsWindow(evidence),
        evidence,
        action: `the pod's packets carry the groups of ${where.eni}: if the pod should reach ${first['dstAddr']}:${first['dstPort']}, attach the group the destination admits to that ENI (or the node's launch template); find the pod with kubectl get pods -A -o wide | grep ${pod}`,
      };
    });
  },
};
