import { cidr, formatIpv4, parseIpv4 } from '../ipv4.js';
import { GROUP_ROLES, type GroupRole } from '../security-group-types.js';
import { SUBNET_TIERS } from '../spec-types.js';
import { groupText } from './describe-model.js';
import type { ModelSecurityGroup, ModelSubnet, NetworkModel } from './model-types.js';
import { homeTierOf } from './planned-interfaces.js';
import type { FlowEnd } from './verdict-types.js';

export type EndResolution = { readonly ok: true; readonly end: FlowEnd } | { readonly ok: false; readonly message: string };

/** What `--from`/`--to` accept, for help texts and errors. */
export const END_FORMS =
  'an IPv4 address, a group role (eks-nodes, rds, …), a security group id (sg-…), a subnet id, a tier (private, database), an interface id (eni-…), or s3';

function firstHost(subnet: ModelSubnet): string | undefined {
  if (!subnet.cidr) return undefined;
  return formatIpv4(cidr(subnet.cidr).base + 4);
}

/** A member of a group: an interface that carries it, or a hypothetical one in its home subnets. */
export function memberOf(model: NetworkModel, group: ModelSecurityGroup | undefined, groupId: string): EndResolution {
  const enis = model.networkInterfaces.filter((e) => e.groupIds.includes(groupId));
  const eni = enis.find((e) => !e.planned) ?? enis[0];
  const name = groupText(group, groupId);
  if (eni && eni.addresses[0]) return { ok: true, end: { address: eni.addresses[0], groupIds: eni.groupIds, label: `${name} member ${eni.addresses[0]}` } };
  const tier = group?.role ? homeTierOf(group.role) : 'private';
  const subnet = model.subnets.find((s) => s.tier === tier && s.cidr) ?? model.subnets.find((s) => s.cidr);
  const address = subnet ? firstHost(subnet) : undefined;
  if (!address) return { ok: false, message: `no interface carries ${name} and no subnet with a known CIDR can hold a member` };
  return { ok: true, end: { address, groupIds: [groupId], label: `${name} member (hypothetical, ${address})` } };
}

/** Reads `--from`/`--to` text against a model. */
export function resolveEnd(model: NetworkModel, text: string): EndResolution {
  if (parseIpv4(text) !== undefined) return { ok: true, end: { address: text } };
  if ((GROUP_ROLES as readonly string[]).includes(text)) {
    const group = model.securityGroups.find((g) => g.role === (text as GroupRole));
    if (!group) return { ok: false, message: `${model.description} has no security group with the role ${text}` };
    return memberOf(model, group, group.id);
  }
  const group = model.securityGroups.find((g) => g.id === text);
  if (group || /^sg-[0-9a-f]{8,17}$/.test(text)) return memberOf(model, group, text);
  const eni = model.networkInterfaces.find((e) => e.id === text);
  if (eni && eni.addresses[0]) return { ok: true, end: { address: eni.addresses[0], groupIds: eni.groupIds, label: `${eni.id} (${eni.addresses[0]})` } };
  const subnet =
    model.subnets.find((s) => s.id === text) ??
    ((SUBNET_TIERS as readonly string[]).includes(text) ? model.subnets.find((s) => s.tier === text && s.cidr) : undefined);
  if (subnet) {
    const address = firstHost(subnet);
    if (!address) return { ok: false, message: `the CIDR of ${subnet.id} is not known` };
    return { ok: true, end: { address, label: `a host in ${subnet.id} (${address}, groups unknown)` } };
  }
  const list = model.prefixLists.find((p) => p.id === text || p.name === text || (text === p.service && p.service !== undefined));
  if (list) {
    const first = list.cidrs?.[0];
    return {
      ok: true,
      end: {
        ...(first ? { address: formatIpv4(cidr(first).base + 1) } : {}),
        prefixListId: list.id,
        label: `${list.service?.toUpperCase() ?? list.name} (prefix list ${list.id})`,
      },
    };
  }
  if (text === 's3') return { ok: false, message: `${model.description} has no S3 prefix list (no S3 gateway endpoint)` };
  return { ok: false, message: `cannot read "${text}": give ${END_FORMS}` };
}
