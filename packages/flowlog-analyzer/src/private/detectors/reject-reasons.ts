import { rowsWindow, type Detector } from './threat-finding.js';

/**
 * Why traffic was rejected, summarised: reject-reason is BPA (VPC Block Public Access) or `-`
 * "for any other reject reason" (AWS, "Flow log records", reject-reason), that is security groups
 * and network ACLs; flow-direction tells whether it was stopped leaving or arriving.
 */
export const rejectReasons: Detector = {
  id: 'reject-reasons',
  title: 'Why traffic was rejected',
  queryId: 'reject-reasons',
  requires: ['rejectReason', 'flowDirection'],
  mayBeDash: ['rejectReason'],
  detect(rows) {
    const groups = new Map<string, typeof rows>();
    for (const r of rows) {
      const key = `${r['rejectReason'] ?? '-'} ${r['flowDirection'] ?? '-'}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    return [...groups].map(([key, evidence]) => {
      const [reason, direction] = key.split(' ') as [string, string];
      const records = evidence.reduce((s, r) => s + Number(r['records'] ?? 0), 0);
      const enis = new Set(evidence.map((r) => r['interfaceId'])).size;
      const bpa = reason === 'BPA';
      return {
        detector: 'reject-reasons',
        severity: bpa ? ('high' as const) : ('low' as const),
        title: `${records} REJECT(s) ${direction === 'egress' ? 'leaving' : direction === 'ingress' ? 'arriving at' : 'on'} ${enis} ENI(s): ${bpa ? 'VPC Block Public Access' : 'security groups or network ACLs (reject-reason -)'}`,
        window: rowsWindow(evidence),
        evidence,
        action: bpa
          ? 'VPC Block Public Access blocks this traffic: add an exclusion for the subnet or VPC if it is meant to pass'
          : `explain them with the model (artos-net flowlogs explain): ${direction === 'egress' ? 'a source group lets nothing of it out' : 'the destination does not admit it'}`,
      };
    });
  },
};
