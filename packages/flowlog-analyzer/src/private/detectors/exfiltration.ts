import { cidr, cidrContainsAddress, parseIpv4 } from '@artos/model';
import { groupBy, rowsWindow, type Detector } from './threat-finding.js';

/**
 * Data-exfiltration indicators: large byte counts accepted from one source to one destination.
 * A VPC-wide log records a flow on both ENIs, so the bytes are those of the ENI that saw most,
 * never the sum of both. Outside the VPC is high; inside it (staging on another host) medium.
 */
export const exfiltration: Detector = {
  id: 'exfiltration',
  title: 'Data-exfiltration indicators',
  queryId: 'exfiltration-indicators',
  requires: ['action', 'srcAddr', 'dstAddr', 'bytes', 'interfaceId'],
  rowKeys: ['srcAddr', 'dstAddr', 'interfaceId'],
  detect(rows, parameters) {
    const vpc = parameters['vpcCidr'] ? cidr(parameters['vpcCidr']) : undefined;
    return [...groupBy(rows, (r) => `${r['srcAddr']}>${r['dstAddr']}`)].map(([, evidence]) => {
      const first = evidence[0]!;
      const bytes = Math.max(...evidence.map((r) => Number(r['bytes'] ?? 0)));
      const address = parseIpv4(first['dstAddr'] ?? '');
      const inside = vpc !== undefined && address !== undefined && cidrContainsAddress(vpc, address);
      return {
        detector: 'exfiltration',
        severity: inside ? ('medium' as const) : ('high' as const),
        title: `${(bytes / 1e9).toFixed(2)} GB from ${first['srcAddr']} to ${first['dstAddr']}, ${inside ? 'inside the VPC' : 'outside the VPC'}`,
        window: rowsWindow(evidence),
        evidence,
        action: inside
          ? `identify the workloads at ${first['srcAddr']} and ${first['dstAddr']}: a transfer this large between two hosts of the cluster can be data staged for exfiltration`
          : `identify the workload at ${first['srcAddr']} and the owner of ${first['dstAddr']}; this network routes nothing to the internet, so the transfer left through the S3 gateway endpoint (an S3 address: check the bucket's owner, or restrict the endpoint policy to your buckets) or over peering or a VPN`,
      };
    });
  },
};
