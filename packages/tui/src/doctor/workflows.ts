import type { Check } from './types.js';
import { endpointsExist } from './checks/endpoints-exist.js';
import { endpointsPrivateDns } from './checks/endpoints-private-dns.js';
import { endpointsGroup443 } from './checks/endpoints-group-443.js';
import { s3GatewayRoutes } from './checks/s3-gateway-routes.js';
import { endpointsCoverAzs } from './checks/endpoints-cover-azs.js';
import { rdsAdmitsNodes } from './checks/rds-admits-nodes.js';
import { nodesEgressDatabase } from './checks/nodes-egress-database.js';
import { databaseRouteTableIsolated } from './checks/database-route-table-isolated.js';
import { recentPostgresRejects } from './checks/recent-postgres-rejects.js';
import { bastionInAdditionalGroups } from './checks/bastion-in-additional-groups.js';
import { clusterAdmitsBastion } from './checks/cluster-admits-bastion.js';
import { eksEndpoint } from './checks/eks-endpoint.js';
import { reach } from './checks/reach.js';
import { flowLogActive } from './checks/flow-log-active.js';
import { flowLogDestination } from './checks/flow-log-destination.js';
import { flowLogRecentEvents } from './checks/flow-log-recent-events.js';

export interface Workflow {
  readonly id: 'endpoints' | 'rds' | 'bastion' | 'reach' | 'flowlogs';
  readonly title: string;
  /** The seed's symptom. */
  readonly symptom: string;
  readonly steps: readonly Check[];
}

/** The seed's three troubleshooting workflows, and two more. */
export const WORKFLOWS: readonly Workflow[] = [
  { id: 'endpoints', title: 'Pods cannot reach AWS services', symptom: 'Pods fail to access S3, ECR, Secrets Manager, etc.', steps: [endpointsExist, endpointsPrivateDns, endpointsGroup443, s3GatewayRoutes, endpointsCoverAzs] },
  { id: 'rds', title: 'RDS connection failures', symptom: 'Applications cannot connect to RDS database.', steps: [rdsAdmitsNodes, nodesEgressDatabase, databaseRouteTableIsolated, recentPostgresRejects] },
  { id: 'bastion', title: 'Bastion cannot reach the EKS API', symptom: 'kubectl commands fail from bastion host.', steps: [bastionInAdditionalGroups, clusterAdmitsBastion, eksEndpoint] },
  { id: 'reach', title: 'Can A reach B', symptom: 'Does the network admit this flow, and by which rule?', steps: [reach] },
  { id: 'flowlogs', title: 'Flow-log health', symptom: 'Are the flow logs there when an incident needs them?', steps: [flowLogActive, flowLogDestination, flowLogRecentEvents] },
];

export function findWorkflow(id: string): Workflow | undefined {
  return WORKFLOWS.find((w) => w.id === id);
}
