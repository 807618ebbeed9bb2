import type { Check } from './types.js';
import { endpointsExist } from './checks/endpoints-exist.js';
import { endpointsPrivateDns } from './checks/endpoints-private-dns.js';
import { endpointsGroup443 } from './checks/endpoints-group-443.js';
import { s3GatewayRoutes } from './checks/s3-gateway-routes.js';
import { nodesReachS3 } from './checks/nodes-reach-s3.js';
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
import { noOpenIngress } from './checks/no-open-ingress.js';
import { driftSecurityGroups } from './checks/drift-security-groups.js';
import { driftRoutes } from './checks/drift-routes.js';
import { driftEndpoints } from './checks/drift-endpoints.js';
import { driftFlowLogs } from './checks/drift-flow-logs.js';
import { driftNetworkAcls } from './checks/drift-network-acls.js';

export type WorkflowId = 'endpoints' | 'rds' | 'bastion' | 'reach' | 'flowlogs' | 'exposure' | 'drift';

export interface Workflow {
  readonly id: WorkflowId;
  readonly title: string;
  /** The seed's symptom. */
  readonly symptom: string;
  readonly steps: readonly Check[];
}

/** The seed's three troubleshooting workflows, and four more. Packs are lists of checks. */
export const WORKFLOWS: readonly Workflow[] = [
  {
    id: 'endpoints',
    title: 'Pods cannot reach AWS services',
    symptom: 'Pods fail to access S3, ECR, Secrets Manager, etc.',
    steps: [endpointsExist, endpointsPrivateDns, endpointsGroup443, s3GatewayRoutes, nodesReachS3, endpointsCoverAzs],
  },
  {
    id: 'rds',
    title: 'RDS connection failures',
    symptom: 'Applications cannot connect to RDS database.',
    steps: [rdsAdmitsNodes, nodesEgressDatabase, databaseRouteTableIsolated, recentPostgresRejects],
  },
  {
    id: 'bastion',
    title: 'Bastion cannot reach the EKS API',
    symptom: 'kubectl commands fail from bastion host.',
    steps: [bastionInAdditionalGroups, clusterAdmitsBastion, eksEndpoint],
  },
  { id: 'reach', title: 'Can A reach B', symptom: 'Does the network admit this flow, and by which rule? Who can reach B?', steps: [reach] },
  {
    id: 'flowlogs',
    title: 'Flow-log health',
    symptom: 'Are the flow logs there when an incident needs them?',
    steps: [flowLogActive, flowLogDestination, flowLogRecentEvents],
  },
  { id: 'exposure', title: 'Nothing is open to the world', symptom: 'The seed: least privilege, no public access.', steps: [noOpenIngress] },
  {
    id: 'drift',
    title: 'Deployed network against the model',
    symptom: 'Has someone changed the network by hand?',
    steps: [driftSecurityGroups, driftRoutes, driftEndpoints, driftFlowLogs, driftNetworkAcls],
  },
];

export function findWorkflow(id: string): Workflow | undefined {
  return WORKFLOWS.find((w) => w.id === id);
}
