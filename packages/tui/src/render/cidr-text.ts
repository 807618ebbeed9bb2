import { formatCount, type CapacityReport, type PlanResult } from '@artos/cidr-planner';
import { alignedTable } from './text-table.js';

/** `cidr capacity`: the per-node figure once, and each subnet's rows multiplying it. */
export function renderCapacity(report: CapacityReport): string {
  const t = report.instanceType;
  const type = t ? `${t.instanceType} (${t.vCpus} vCPUs, ${t.enis} ENIs × ${t.ipv4PerEni} IPv4), ` : '';
  const holds =
    report.mode === 'prefix-delegation'
      ? `${report.prefixesPerNode} /28 prefix${report.prefixesPerNode === 1 ? '' : 'es'} on ${report.enisPerNode} ENI${report.enisPerNode === 1 ? '' : 's'}`
      : `${report.enisPerNode} ENI${report.enisPerNode === 1 ? '' : 's'} × ${t?.ipv4PerEni ?? report.addressesPerNode / report.enisPerNode} addresses`;
  const lines = [
    `${type}${report.mode}: ${report.maxPodsPerNode} pods per node (ENI limit ${report.eniLimit}, ceiling ${report.maxPodsCeiling})`,
    `a node at ${report.maxPodsPerNode} pods holds ${report.addressesPerNode} addresses of its subnet (${holds})`,
  ];
  const rows: string[][] = [['subnet', 'usable', 'endpoints', 'nodes', 'pods/node', 'pods']];
  for (const s of report.subnets) {
    rows.push([
      s.cidr,
      formatCount(s.usable),
      formatCount(s.endpointAddresses),
      formatCount(s.maxNodes),
      formatCount(report.maxPodsPerNode),
      formatCount(s.maxPods),
    ]);
  }
  rows.push(['total', '', '', formatCount(report.maxNodes), formatCount(report.maxPodsPerNode), formatCount(report.maxPods)]);
  return `${lines.join('\n')}\n${alignedTable(rows, ['left', 'right', 'right', 'right', 'right', 'right'], '  ')}\n`;
}

/** `cidr plan`: one row per subnet (tier, AZ or reserve slot, CIDR, usable addresses). */
export function renderPlanSubnets(plan: PlanResult): string {
  const rows: string[][] = [['tier', 'slot', 'cidr', 'usable']];
  for (const s of [...plan.subnets, ...plan.podSubnets, ...plan.reserved]) {
    rows.push([s.tier, s.reserve ? `reserve ${s.az + 1}` : `AZ${s.az + 1}`, s.cidr, formatCount(s.usable)]);
  }
  return `${alignedTable(rows, ['left', 'left', 'left', 'right'], '  ')}\n`;
}
