import { parseIpv4 } from '../ipv4.js';
import { indexOf } from './model-index.js';
import type { NetworkModel } from './model-types.js';

/**
 * The groups an address's interface carries: its interface's, when the model has it; else, when
 * every interface of its subnet carries the same groups (a database subnet holds only RDS), those;
 * else undefined (unknown). Used where an answer about an unlisted address helps more than
 * "unknown", and always said as an assumption by the caller.
 */
export function inferredGroupIds(model: NetworkModel, address: string): { readonly groupIds: readonly string[]; readonly inferred: boolean } | undefined {
  const index = indexOf(model);
  const value = parseIpv4(address);
  if (value === undefined) return undefined;
  const eni = index.interfaceOf(value);
  if (eni && !eni.planned) return { groupIds: eni.groupIds, inferred: false };
  const subnet = index.subnetOf(value);
  if (!subnet) return undefined;
  const sets = new Set(model.networkInterfaces.filter((e) => e.subnetId === subnet.id).map((e) => [...e.groupIds].sort().join(',')));
  if (sets.size !== 1) return undefined;
  const only = [...sets][0]!;
  return only ? { groupIds: only.split(','), inferred: true } : undefined;
}

/**
 * Groups an address's interface may carry: its own, else every group with an interface in its
 * subnet. For the rule audit, which asks which rules *could* have admitted an accepted flow.
 */
export function candidateGroupIds(model: NetworkModel, address: string): readonly string[] {
  const index = indexOf(model);
  const value = parseIpv4(address);
  if (value === undefined) return [];
  const eni = index.interfaceOf(value);
  if (eni && !eni.planned) return eni.groupIds;
  const subnet = index.subnetOf(value);
  if (!subnet) return [];
  return [...new Set(model.networkInterfaces.filter((e) => e.subnetId === subnet.id).flatMap((e) => e.groupIds))];
}
