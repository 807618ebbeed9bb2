import { subnetFunction } from './subnet-test.js';

/** `isIpv4InSubnet(field, "cidr")`: true when the address is in the IPv4 CIDR (AWS, IP address string functions). */
export const isIpv4InSubnet = subnetFunction('isIpv4InSubnet', 'ipv4');
