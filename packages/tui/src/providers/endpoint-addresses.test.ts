import { describe, expect, it } from 'vitest';
import { modelFromSpec, preset, validateSpec, type NetworkModel } from '@artos/model';
import { endpointAddressesOf } from './endpoint-addresses.js';

const planned = modelFromSpec(validateSpec(preset('production')).spec!);
const eni = (id: string, address: string, description = '') => ({
  id,
  subnetId: 'subnet-1',
  addresses: [address, '10.0.10.250'],
  groupIds: [],
  description,
  planned: false,
});

describe('endpointAddressesOf', () => {
  it('finds no address in a plan: planned interfaces stand for members, they have none', () => {
    expect(endpointAddressesOf(planned)).toEqual([]);
  });

  it('takes the ENIs each interface endpoint lists (DescribeVpcEndpoints NetworkInterfaceIds), primary address only', () => {
    const model: NetworkModel = {
      ...planned,
      endpoints: [
        {
          id: 'vpce-1',
          service: 'sts',
          serviceName: 'com.amazonaws.eu-west-1.sts',
          type: 'Interface',
          state: 'available',
          privateDns: true,
          subnetIds: ['subnet-1'],
          routeTableIds: [],
          securityGroupIds: [],
          networkInterfaceIds: ['eni-a'],
        },
        // A gateway endpoint has no ENI; an id it might carry is not an endpoint address.
        {
          id: 'vpce-2',
          service: 's3',
          serviceName: 'com.amazonaws.eu-west-1.s3',
          type: 'Gateway',
          state: 'available',
          privateDns: false,
          subnetIds: [],
          routeTableIds: ['rtb-1'],
          securityGroupIds: [],
          networkInterfaceIds: ['eni-node'],
        },
      ],
      networkInterfaces: [
        eni('eni-a', '10.0.10.5'),
        eni('eni-node', '10.0.10.9', 'node'),
        eni('eni-b', '10.0.20.5', 'VPC Endpoint Interface vpce-3'),
        eni('eni-c', '10.0.30.5', 'ELB app/internal'),
      ],
    };
    // eni-b: an endpoint ENI by EC2's description ("VPC Endpoint Interface vpce-…"), for a reader without the ids.
    expect(endpointAddressesOf(model)).toEqual(['10.0.10.5', '10.0.20.5']);
  });
});
