import { subnetFunction } from './subnet-test.js';

/** `isIpInSubnet(field, "cidr")`: true when the address is in the IPv4 or IPv6 CIDR (AWS, IP address string functions). */
export const isIpInSubnet = subnetFunction('isIpInSubnet', 'any');
