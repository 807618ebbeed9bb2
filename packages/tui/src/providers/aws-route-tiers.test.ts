import { describe, expect, it } from 'vitest';
import { routeTableTier, subnetsByRouteTable } from './aws-route-tiers.js';

// Amazon VPC User Guide, "Configure route tables" (Main route table): the main route table
// "controls the routing for all subnets that are not explicitly associated with any other route
// table"; a subnet can be associated with one route table at a time.
const subnets = [{ SubnetId: 'subnet-a' }, { SubnetId: 'subnet-b' }, { SubnetId: 'subnet-c' }];

describe('subnetsByRouteTable', () => {
  it('gives the main table the subnets without an explicit association, and no others', () => {
    const tables = [
      { RouteTableId: 'rtb-main', Associations: [{ Main: true }] },
      { RouteTableId: 'rtb-private', Associations: [{ SubnetId: 'subnet-a' }, { SubnetId: 'subnet-b' }] },
    ];
    expect(Object.fromEntries(subnetsByRouteTable(tables, subnets))).toEqual({ 'rtb-main': ['subnet-c'], 'rtb-private': ['subnet-a', 'subnet-b'] });
  });

  it('leaves the main table with no subnet when every subnet has its own table', () => {
    const tables = [
      { RouteTableId: 'rtb-main', Associations: [{ Main: true }] },
      { RouteTableId: 'rtb-1', Associations: [{ SubnetId: 'subnet-a' }, { SubnetId: 'subnet-b' }, { SubnetId: 'subnet-c' }] },
    ];
    expect(subnetsByRouteTable(tables, subnets).get('rtb-main')).toEqual([]);
  });
});

describe('routeTableTier', () => {
  const tier = (id: string) => (id === 'subnet-db' ? 'database' : 'private');
  it('follows the subnets that use the table, whatever its tag says', () => {
    expect(routeTableTier(['subnet-a'], tier, 'database')).toBe('private');
    expect(routeTableTier(['subnet-db'], tier, undefined)).toBe('database');
  });
  it('calls a table database when any database subnet uses it: its routes reach that tier', () => {
    expect(routeTableTier(['subnet-a', 'subnet-db'], tier, 'private')).toBe('database');
  });
  it('gives an unused table the tier of its tag, and an unused untagged table (an idle main table) none', () => {
    expect(routeTableTier([], tier, 'private')).toBe('private');
    expect(routeTableTier([], tier, undefined)).toBeUndefined();
  });
});
