import {
  cidrContainsAddress,
  evaluateFlow,
  parseIpv4,
  parseIpv4Cidr,
  policyContext,
  type FlowVerdict,
  type GroupMembership,
  type NetworkSpec,
  type PolicyContext,
  type SubnetTier,
} from '@artos/model';

/** A subnet the annotator knows: from a spec, or from live subnet data. */
export interface KnownSubnet {
  readonly cidr: string;
  readonly tier: SubnetTier;
  readonly id?: string;
  readonly name?: string;
}

export interface AddressAnnotation {
  readonly address: string;
  readonly tier: SubnetTier | 'outside-vpc' | 'vpc-unassigned';
  readonly subnet: string | undefined;
}

export interface FlowExplanation {
  readonly source: AddressAnnotation;
  readonly destination: AddressAnnotation;
  readonly verdict: FlowVerdict;
  /** One sentence for a person. */
  readonly text: string;
}

export interface Annotator {
  annotate(address: string): AddressAnnotation;
  explain(flow: { srcAddr: string; dstAddr: string; dstPort: number; protocol: number; action?: string }): FlowExplanation;
}

/**
 * Maps addresses to tiers and subnets, and explains flows with the model's policy evaluation.
 * `membership` tells which groups an address's interface belongs to, when known (live data);
 * without it, a source address is in no group (so "10.0.10.50 is not in the eks-nodes group").
 */
export function createAnnotator(
  spec: NetworkSpec,
  subnets?: readonly KnownSubnet[],
  membership?: (address: string) => readonly GroupMembership[] | undefined,
): Annotator {
  const context: PolicyContext = policyContext(spec);
  const fallback: KnownSubnet[] = [
    ...spec.privateSubnetCidrs.map((cidr, i) => ({ cidr, tier: 'private' as const, name: `private-${i + 1}` })),
    ...spec.databaseSubnetCidrs.map((cidr, i) => ({ cidr, tier: 'database' as const, name: `database-${i + 1}` })),
  ];
  const known = (subnets ?? fallback).flatMap((s) => {
    const parsed = parseIpv4Cidr(s.cidr);
    return parsed.ok ? [{ ...s, block: parsed.cidr }] : [];
  });
  const vpc = parseIpv4Cidr(spec.vpcCidr);
  const cache = new Map<string, AddressAnnotation>();

  const annotate = (address: string): AddressAnnotation => {
    const cached = cache.get(address);
    if (cached) return cached;
    const value = parseIpv4(address);
    let result: AddressAnnotation;
    const subnet = value === undefined ? undefined : known.find((s) => cidrContainsAddress(s.block, value));
    if (subnet) result = { address, tier: subnet.tier, subnet: subnet.id ?? subnet.name ?? subnet.cidr };
    else if (value !== undefined && vpc.ok && cidrContainsAddress(vpc.cidr, value)) result = { address, tier: 'vpc-unassigned', subnet: undefined };
    else result = { address, tier: 'outside-vpc', subnet: undefined };
    if (cache.size < 100_000) cache.set(address, result);
    return result;
  };

  return {
    annotate,
    explain(flow) {
      const source = annotate(flow.srcAddr);
      const destination = annotate(flow.dstAddr);
      const groups = membership?.(flow.srcAddr);
      const destinationGroups = membership?.(flow.dstAddr);
      const verdict = evaluateFlow(context, {
        source: { kind: 'address', address: flow.srcAddr, ...(groups ? { groups } : {}) },
        destination: { kind: 'address', address: flow.dstAddr, ...(destinationGroups ? { groups: destinationGroups } : {}) },
        port: flow.dstPort,
        protocol: flow.protocol,
      });
      const where = (a: AddressAnnotation) => (a.subnet ? `${a.tier} subnet ${a.subnet}` : a.tier === 'outside-vpc' ? 'outside the VPC' : 'in the VPC but in no known subnet');
      let text: string;
      if (flow.action === 'REJECT' && verdict.admitted) {
        text = `${flow.srcAddr} (${where(source)}) → ${flow.dstAddr}:${flow.dstPort} was rejected although the catalog admits it (${verdict.ingress.reason}): the interface may not carry the catalog's group, or a network ACL refused it`;
      } else if (flow.action === 'REJECT') {
        text = `${flow.srcAddr} (${where(source)}) → ${flow.dstAddr}:${flow.dstPort} (${where(destination)}) rejected: ${verdict.route.decision === 'no-route' ? verdict.route.reason : verdict.egress.decision === 'denied' ? verdict.egress.reason : verdict.ingress.reason}`;
      } else {
        text = `${flow.srcAddr} (${where(source)}) → ${flow.dstAddr}:${flow.dstPort} (${where(destination)}): ${verdict.summary}`;
      }
      return { source, destination, verdict, text };
    },
  };
}
