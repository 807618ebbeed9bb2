import {
  cidrContainsAddress,
  evaluateFlow,
  parseIpv4Cidr,
  inferredGroupIds,
  parseIpv4,
  recordDirection,
  type FlowEnd,
  type FlowVerdict,
  type NetworkModel,
  type SubnetTier,
} from '@artos/model';

export interface AddressAnnotation {
  readonly address: string;
  readonly tier: SubnetTier | 'outside-vpc' | 'vpc-unassigned';
  readonly subnet: string | undefined;
}

/** The fields of a flow-log record that an explanation reads (CloudWatch's discovered names). */
export interface ExplainableRecord {
  readonly srcAddr: string;
  readonly dstAddr: string;
  readonly srcPort?: number;
  readonly dstPort: number;
  readonly protocol: number;
  readonly action?: string;
  /** OR-ed tcp-flags, when the format has them: SYN / SYN-ACK tell request from reply. */
  readonly tcpFlags?: number;
}

export interface FlowExplanation {
  readonly source: AddressAnnotation;
  readonly destination: AddressAnnotation;
  readonly verdict: FlowVerdict;
  /** The record agrees with the model (an ACCEPT the model admits, a REJECT it blocks). */
  readonly agrees: boolean | undefined;
  /** One sentence for a person. */
  readonly text: string;
}

export interface Annotator {
  annotate(address: string): AddressAnnotation;
  explain(record: ExplainableRecord): FlowExplanation;
}

/**
 * Explains flow-log records with the network model's evaluator: each record is judged as what it
 * is, a request or a reply (tcp-flags when present, else the port sides), hop by hop. An address
 * without a known interface takes its subnet's groups when that subnet holds only one kind of
 * interface (said as an assumption), else its groups stay unknown.
 */
export function createAnnotator(model: NetworkModel): Annotator {
  const cache = new Map<string, AddressAnnotation>();
  const parsed = (text: string | undefined) => {
    const r = text ? parseIpv4Cidr(text) : undefined;
    return r?.ok ? [r.cidr] : [];
  };
  const blocks = model.subnets.flatMap((subnet) => parsed(subnet.cidr).map((block) => ({ subnet, block })));
  const vpcBlocks = (model.vpc?.cidrs ?? []).flatMap(parsed);

  const annotate = (address: string): AddressAnnotation => {
    const cached = cache.get(address);
    if (cached) return cached;
    const value = parseIpv4(address);
    let result: AddressAnnotation;
    const hit = value === undefined ? undefined : blocks.find((b) => cidrContainsAddress(b.block, value));
    if (hit) result = { address, tier: hit.subnet.tier ?? 'vpc-unassigned', subnet: hit.subnet.id };
    else if (value !== undefined && vpcBlocks.some((b) => cidrContainsAddress(b, value))) result = { address, tier: 'vpc-unassigned', subnet: undefined };
    else result = { address, tier: 'outside-vpc', subnet: undefined };
    if (cache.size < 100_000) cache.set(address, result);
    return result;
  };

  const endOf = (address: string, assumptions: string[]): FlowEnd => {
    const groups = inferredGroupIds(model, address);
    if (groups?.inferred)
      assumptions.push(`${address} has no known interface; taken to carry ${groups.groupIds.join(', ')} like every interface of its subnet`);
    return { address, ...(groups ? { groupIds: groups.groupIds } : {}) };
  };

  return {
    annotate,
    explain(record) {
      const source = annotate(record.srcAddr);
      const destination = annotate(record.dstAddr);
      const assumptions: string[] = [];
      const direction =
        record.srcPort === undefined
          ? 'request'
          : recordDirection({ srcPort: record.srcPort, dstPort: record.dstPort, ...(record.tcpFlags !== undefined ? { tcpFlags: record.tcpFlags } : {}) });
      const verdict = evaluateFlow(model, {
        source: endOf(record.srcAddr, assumptions),
        destination: endOf(record.dstAddr, assumptions),
        protocol: record.protocol,
        port: record.dstPort,
        ...(record.srcPort !== undefined ? { sourcePort: record.srcPort } : {}),
        direction,
      });
      const where = (a: AddressAnnotation) =>
        a.subnet ? `${a.tier} subnet ${a.subnet}` : a.tier === 'outside-vpc' ? 'outside the VPC' : 'in the VPC but in no known subnet';
      const flow = `${record.srcAddr} (${where(source)}) → ${record.dstAddr}:${record.dstPort} (${where(destination)})${direction === 'reply' ? ', a reply' : ''}`;
      const blocked = verdict.blocking.map((h) => h.reason).join('; ');
      // A flow log's action is what groups and ACLs decided: the route is no part of it.
      const unknownHops = verdict.hops.filter((h) => h.status === 'unknown' && h.step !== 'route');
      // For a REJECT, the destination's conditional admission is the telling part; the source's own
      // unknown egress (no interface known) only repeats that the model lacks its groups.
      const telling = unknownHops.some((h) => h.step === 'destination-security-group')
        ? unknownHops.filter((h) => h.step !== 'source-security-group')
        : unknownHops;
      const unknown = telling.map((h) => h.reason).join('; ');
      const fix = verdict.blocking[0]?.fix;
      let text: string;
      let agrees: boolean | undefined;
      if (record.action === 'REJECT') {
        agrees = verdict.action === 'REJECT' ? true : verdict.action === 'ACCEPT' ? false : undefined;
        if (verdict.action === 'REJECT') text = `${flow} rejected: ${blocked}${fix ? ` (fix: ${fix})` : ''}`;
        else if (verdict.action === 'ACCEPT')
          text = `${flow} was rejected although the model admits it (${verdict.summary}): the interface may carry other groups than the model knows, or an ACL outside the model refused it`;
        else
          text = /admits it if/.test(unknown)
            ? `${flow} rejected: ${unknown}; the REJECT says it is not`
            : `${flow} rejected; the model cannot say which hop refused it: ${unknown}`;
      } else if (record.action === 'ACCEPT') {
        agrees = verdict.action === 'ACCEPT' ? true : verdict.action === 'REJECT' ? false : undefined;
        text =
          verdict.action === 'REJECT'
            ? `${flow} was accepted although the model blocks it (${blocked}): the deployed network differs from the model (see doctor drift)`
            : `${flow}: ${verdict.summary}`;
      } else {
        agrees = undefined;
        text = `${flow}: ${verdict.summary}`;
      }
      if (assumptions.length > 0) text += ` [assumed: ${assumptions.join('; ')}]`;
      return { source, destination, verdict, agrees, text };
    },
  };
}
