import type { NetworkSpec } from '@artos/model';
import { outsideRangesFrom } from '../traffic/generate.js';
import { trafficPathParameters } from './traffic-path-parameters.js';

/**
 * The parameters the detectors' queries read, from a spec: the VPC's CIDR and what the
 * traffic-path detector expects. The outside ranges are the ones the sample traffic uses too
 * (the spec's, else the sample's assumption), so the detectors judge the sample by its own network.
 */
export function detectorParameters(spec: NetworkSpec): Record<string, string> {
  return { vpcCidr: spec.vpcCidr, ...trafficPathParameters(outsideRangesFrom(spec, {}).ranges) };
}
