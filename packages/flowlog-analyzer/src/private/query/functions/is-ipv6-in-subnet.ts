import { subnetFunction } from './subnet-test.js';

/** `isIpv6InSubnet(field, "cidr")`: true when the address is in the IPv6 CIDR (AWS, IP address string functions). */
export const isIpv6InSubnet = subnetFunction('isIpv6InSubnet', 'ipv6');
