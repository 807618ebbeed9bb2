import { networkGraph, routeText, type NetworkModel } from '@artos/model';
import { renderGraphText } from './graph-text.js';
import { textTable } from './text-table.js';
import { sanitizeForTerminal } from '../private/sanitize.js';

/**
 * The network as the provider read it (a template, the account): what is there, not what the
 * spec plans. Subnets with the route table and ACL each uses, endpoints, groups and rules, flow logs.
 */
export function renderModelText(model: NetworkModel): string {
  const lines: string[] = [`Network read from ${model.description}${model.vpc ? `: VPC ${model.vpc.id} ${model.vpc.cidrs.join(', ')}` : ''}`];
  for (const p of model.problems) lines.push(`  could not read ${p.part} (${p.action}): ${p.detail}`);
  const tableOf = (subnetId: string) => {
    const explicit = model.routeTables.find((t) => t.subnetIds.includes(subnetId));
    if (explicit) return explicit.id;
    const main = model.routeTables.find((t) => t.main);
    return main ? `${main.id} (main)` : '?';
  };
  const aclOf = (subnetId: string) => (model.networkAcls.find((a) => a.subnetIds.includes(subnetId)) ?? model.networkAcls.find((a) => a.isDefault))?.id ?? '?';
  lines.push(
    '',
    'Subnets:',
    textTable([
      ['subnet', 'tier', 'CIDR', 'AZ', 'route table', 'network ACL'],
      ...model.subnets.map((s) => [s.id, s.tier ?? '-', s.cidr ?? '?', s.availabilityZoneId ?? s.availabilityZone ?? '?', tableOf(s.id), aclOf(s.id)]),
    ]),
  );
  lines.push('', 'Routes:');
  for (const t of model.routeTables) lines.push(`  ${t.id}${t.main ? ' (main)' : ''}: ${t.routes.map(routeText).join('; ') || 'no routes'}`);
  lines.push('', 'Endpoints:');
  for (const e of model.endpoints)
    lines.push(`  ${e.type.padEnd(9)} ${e.service.padEnd(22)} ${e.state}${e.type === 'Interface' ? `, private DNS ${e.privateDns ? 'on' : 'off'}` : ''}`);
  lines.push('', ...renderGraphText(networkGraph(model)));
  lines.push('', 'Flow logs:');
  for (const f of model.flowLogs)
    lines.push(`  ${f.id}: ${f.status}, ${f.trafficType}, ${f.maxAggregationIntervalSeconds ?? '?'} s, to ${f.logGroupName ?? '?'}`);
  if (model.flowLogs.length === 0) lines.push('  none');
  return sanitizeForTerminal(`${lines.join('\n')}\n`);
}
