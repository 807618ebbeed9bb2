import { cidrContainsAddress, formatIpv4 } from '../ipv4.js';
import { naclEntryText } from './describe-model.js';
import { tryCidr, type ModelIndex } from './model-index.js';
import type { ModelNaclEntry, ModelSubnet } from './model-types.js';
import { hasPorts, protocolNameOf } from './protocols.js';
import type { Hop, HopStep, PlacedEnd } from './verdict-types.js';

export interface PortRange {
  readonly from: number;
  readonly to: number;
}

/**
 * Linux's default ephemeral range (net.ipv4.ip_local_port_range), the ports replies to EKS nodes
 * come back on when the record does not say. AWS, "Network ACLs", Ephemeral ports: the range
 * depends on the client's OS (many Linux kernels use 32768-61000).
 */
export const LINUX_EPHEMERAL_PORTS: PortRange = { from: 32768, to: 60999 };

type Match = 'yes' | 'no' | 'maybe';

function entryHolds(entry: ModelNaclEntry, other: PlacedEnd): Match {
  const block = tryCidr(entry.cidr);
  if (!block) return 'no';
  if (other.address !== undefined) return cidrContainsAddress(block, other.address) ? 'yes' : 'no';
  return block.prefix === 0 ? 'yes' : 'maybe';
}

function entryCoversProtocol(entry: ModelNaclEntry, protocol: number): boolean {
  return entry.protocol === -1 || entry.protocol === protocol;
}

function rangeText(r: PortRange): string {
  return r.from === r.to ? String(r.from) : `${r.from}-${r.to}`;
}

/** Splits `ranges` by `cut`: the parts inside and the parts outside. */
function split(ranges: readonly PortRange[], cut: PortRange): { inside: PortRange[]; outside: PortRange[] } {
  const inside: PortRange[] = [];
  const outside: PortRange[] = [];
  for (const r of ranges) {
    const lo = Math.max(r.from, cut.from);
    const hi = Math.min(r.to, cut.to);
    if (lo > hi) {
      outside.push(r);
      continue;
    }
    inside.push({ from: lo, to: hi });
    if (r.from < lo) outside.push({ from: r.from, to: lo - 1 });
    if (hi < r.to) outside.push({ from: hi + 1, to: r.to });
  }
  return { inside, outside };
}

/**
 * One network-ACL hop: the subnet's ACL, entries in rule-number order, first match decides,
 * stateless. Ports are a range so that return traffic on ephemeral ports is judged whole.
 */
export function naclHop(
  index: ModelIndex,
  step: HopStep,
  subnet: ModelSubnet | undefined,
  egress: boolean,
  other: PlacedEnd,
  protocol: number,
  ports: PortRange,
  portsNote = '',
): Hop {
  const base = { step, rule: undefined, fix: undefined } as const;
  if (!subnet) return { ...base, status: 'not-applicable', resourceId: undefined, reason: 'not in a subnet of the VPC' };
  if (index.model.networkAcls.length === 0) {
    return { ...base, status: 'unknown', resourceId: undefined, reason: `the network ACLs were not read, so ${subnet.id}'s ACL is unknown` };
  }
  const acl = index.naclOf(subnet.id);
  if (!acl) return { ...base, status: 'unknown', resourceId: undefined, reason: `no network ACL is known for ${subnet.id}` };
  const direction = egress ? 'outbound' : 'inbound';
  const preposition = egress ? 'to' : 'from';
  const entries = acl.entries
    .filter((e) => e.egress === egress)
    .slice()
    .sort((a, b) => a.ruleNumber - b.ruleNumber);
  let open: PortRange[] = hasPorts(protocol) ? [ports] : [{ from: 0, to: 0 }];
  const allowedBy: ModelNaclEntry[] = [];
  const deniedBy: Array<{ entry: ModelNaclEntry | undefined; ranges: PortRange[] }> = [];
  for (const entry of entries) {
    if (open.length === 0) break;
    if (!entryCoversProtocol(entry, protocol)) continue;
    const holds = entryHolds(entry, other);
    if (holds === 'no') continue;
    const { inside, outside } = hasPorts(protocol) && entry.ports ? split(open, entry.ports) : { inside: open, outside: [] };
    if (inside.length === 0) continue;
    if (holds === 'maybe') {
      return {
        ...base,
        status: 'unknown',
        resourceId: acl.id,
        rule: naclEntryText(entry),
        reason: `${acl.id} ${direction}: ${naclEntryText(entry)} decides if ${other.label} is inside ${entry.cidr}`,
      };
    }
    if (entry.action === 'allow') allowedBy.push(entry);
    else deniedBy.push({ entry, ranges: inside });
    open = outside;
  }
  if (open.length > 0) deniedBy.push({ entry: undefined, ranges: open });
  const service = hasPorts(protocol) ? `${protocolNameOf(protocol)} ${rangeText(ports)}${portsNote}` : protocolNameOf(protocol);
  if (deniedBy.length === 0) {
    return {
      ...base,
      status: 'pass',
      resourceId: acl.id,
      rule: allowedBy.map(naclEntryText).join(', '),
      reason: `${acl.id}${acl.isDefault ? ' (default ACL)' : ''} ${direction} allows ${service} ${preposition} ${other.label} by ${allowedBy.map(naclEntryText).join(', ')}`,
    };
  }
  const first = deniedBy[0]!;
  const deniedPorts = deniedBy
    .flatMap((d) => d.ranges)
    .map(rangeText)
    .join(', ');
  const decidingText = first.entry ? naclEntryText(first.entry) : 'the final rule * (deny all)';
  const below = first.entry ? first.entry.ruleNumber : entries.filter((e) => e.ruleNumber < 32767).reduce((n, e) => Math.max(n, e.ruleNumber + 1), 100);
  const number = first.entry ? Math.max(1, below - 1) : below;
  const portsFix = hasPorts(protocol) ? ` ports ${deniedPorts}` : '';
  return {
    ...base,
    status: 'block',
    resourceId: acl.id,
    rule: decidingText,
    reason: `${acl.id} ${direction} denies ${protocolNameOf(protocol)}${hasPorts(protocol) ? ` ${deniedPorts}` : ''}${portsNote} ${preposition} ${other.label} by ${decidingText}`,
    fix: `add ${direction} entry ${number} to ${acl.id}: allow ${protocolNameOf(protocol)}${portsFix} ${preposition} ${other.address !== undefined ? `${formatIpv4(other.address)}/32` : other.label}${first.entry ? ` (before ${decidingText})` : ''}`,
  };
}
