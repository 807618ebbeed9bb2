/**
 * The seed's VPC endpoints as data: the S3 gateway endpoint and the ten interface endpoints,
 * with what each is for, so tools can explain what breaks when one is missing.
 */

export type EndpointType = 'Gateway' | 'Interface';

export interface EndpointCatalogEntry {
  /** Short service name, e.g. `ecr.api`; the service is `com.amazonaws.{region}.<service>`. */
  readonly service: string;
  readonly type: EndpointType;
  /** Interface endpoints get private DNS; gateway endpoints have none. */
  readonly privateDns: boolean;
  readonly title: string;
  readonly purpose: string;
  readonly useCases: readonly string[];
  /** What fails without it, for troubleshooting screens. */
  readonly criticalFor: string | undefined;
}

export const S3_GATEWAY_ENDPOINT: EndpointCatalogEntry = {
  service: 's3',
  type: 'Gateway',
  privateDns: false,
  title: 'S3',
  purpose: 'Private access to S3 buckets',
  useCases: ['Application file storage and retrieval', 'ECR image layer storage (ECR uses S3 backend)', 'Log archival and backups', 'Static asset delivery'],
  criticalFor: 'Pulling images from ECR: image layers are served from S3',
};

function iface(service: string, title: string, purpose: string, useCases: readonly string[], criticalFor?: string): EndpointCatalogEntry {
  return { service, type: 'Interface', privateDns: true, title, purpose, useCases, criticalFor };
}

const ECR_USES = ['EKS nodes pulling container images', 'CI/CD pipelines accessing ECR', 'Image scanning and vulnerability checks'];
const SSM_USES = [
  'SSH-less bastion host access',
  'Node troubleshooting via Session Manager',
  'Secure remote command execution',
  'Session logging and auditing',
];
const SSM_CRITICAL = 'Bastion host connectivity without SSH or public IPs';

/** The seed's ten interface endpoints, in the seed's order. */
export const INTERFACE_ENDPOINTS: readonly EndpointCatalogEntry[] = Object.freeze([
  iface(
    'ecr.api',
    'ECR API',
    'ECR control plane operations (list images, get authorization tokens)',
    ECR_USES,
    'Pulling container images from ECR without internet access',
  ),
  iface(
    'ecr.dkr',
    'ECR Docker registry',
    'Docker daemon communicates with ECR registry',
    ECR_USES,
    'Pulling container images from ECR without internet access',
  ),
  iface('ec2', 'EC2', 'EC2 API operations from private subnets', [
    'EKS node bootstrap scripts calling EC2 APIs',
    'Auto Scaling Group operations',
    'ENI attachment and management',
    'Instance metadata access',
  ]),
  iface(
    'sts',
    'STS',
    'AWS Security Token Service for IAM role assumption',
    ['IRSA (IAM Roles for Service Accounts) in EKS', 'Pod service accounts assuming IAM roles', 'Temporary credential generation', 'Cross-account access'],
    'EKS workloads using IAM roles: without this endpoint, pods cannot assume IAM roles',
  ),
  iface(
    'eks',
    'EKS',
    'EKS control plane API access',
    ['kubectl commands from bastion host', 'EKS cluster management operations', 'eksctl operations', 'Cluster configuration updates'],
    'kubectl from the bastion host',
  ),
  iface('elasticloadbalancing', 'Elastic Load Balancing', 'Load balancer management APIs', [
    'AWS Load Balancer Controller creating ALBs',
    'Target group registration',
    'Health check configuration',
    'Listener rule management',
  ]),
  iface('secretsmanager', 'Secrets Manager', 'Retrieve secrets from AWS Secrets Manager', [
    'Application pods fetching database credentials',
    'API key retrieval',
    'Configuration secret access',
    'Certificate management',
  ]),
  iface('ssm', 'Systems Manager', 'AWS Systems Manager Session Manager connectivity', SSM_USES, SSM_CRITICAL),
  iface('ssmmessages', 'Session Manager messaging', 'AWS Systems Manager Session Manager connectivity', SSM_USES, SSM_CRITICAL),
  iface('ec2messages', 'SSM Agent communication', 'AWS Systems Manager Session Manager connectivity', SSM_USES, SSM_CRITICAL),
]);

export const INTERFACE_ENDPOINT_SERVICES: readonly string[] = Object.freeze(INTERFACE_ENDPOINTS.map((e) => e.service));

/** `com.amazonaws.{region}.<service>`; with a region, the concrete service name. */
export function endpointServiceName(service: string, region = '{region}'): string {
  return `com.amazonaws.${region}.${service}`;
}

export function findEndpoint(service: string): EndpointCatalogEntry | undefined {
  if (service === S3_GATEWAY_ENDPOINT.service) return S3_GATEWAY_ENDPOINT;
  return INTERFACE_ENDPOINTS.find((e) => e.service === service);
}
