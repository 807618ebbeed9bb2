import { groupBy, secondsToIso, type Detector } from './threat-finding.js';

/** Unusual source IPs: traffic from outside the VPC and outside the RFC 1918 ranges. */
export const unusualSources: Detector = {
  id: 'unusual-sources',
  title: 'Unusual source IPs',
  queryId: 'unusual-sources',
  requires: ['srcAddr', 'srcPort', 'dstPort', 'action'],
  rowKeys: ['srcAddr'],
  detect(rows) {
    return [...groupBy(rows, (r) => r['srcAddr'] ?? '?')].map(([source, evidence]) => {
      const accepted = evidence.some((r) => r['action'] === 'ACCEPT');
      const records = evidence.reduce((s, r) => s + Number(r['records'] ?? 0), 0);
      return {
        detector: 'unusual-sources',
        severity: accepted ? ('high' as const) : ('medium' as const),
        title: `${records} records from public address ${source}${accepted ? ', some ACCEPTED' : ', all rejected'}`,
        window: {
          start: secondsToIso(evidence.map((r) => r['first']).sort()[0]),
          end: secondsToIso(
            evidence
              .map((r) => r['last'])
              .sort()
              .at(-1),
          ),
        },
        evidence,
        action: `this network has no internet gateway: traffic from ${source} arrives over peering, VPN or a transit gateway. Find that path and restrict it${accepted ? '; review which rule admitted it (artos-net flowlogs explain)' : ''}`,
      };
    });
  },
};
