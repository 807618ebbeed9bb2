/**
 * Incidents this network can produce. Each is built from the placed workloads and judged by the
 * evaluator like any other traffic: an incident the network would not produce (the S3 pull
 * succeeds because the nodes may reach S3) is reported as not possible, never faked.
 */
export type IncidentId =
  'rogue-pod-rds' | 'outside-scan' | 'unusual-source' | 's3-pull-blocked' | 'large-transfer' | 'refused-nodeport' | 'capture-gap' | 'default-route-over-vpn';

export const INCIDENT_IDS: readonly IncidentId[] = [
  'rogue-pod-rds',
  'outside-scan',
  'unusual-source',
  's3-pull-blocked',
  'large-transfer',
  'refused-nodeport',
  'capture-gap',
  'default-route-over-vpn',
];
