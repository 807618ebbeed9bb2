import { EC2Client } from '@aws-sdk/client-ec2';
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { createAnnotator, createLogsClient, runInsightsQueryComplete, runLocalQuery, DEFAULT_INSIGHTS_LIMITS, type ResultRow } from '@artos/flowlog-analyzer';
import type { NetworkSpec } from '@artos/model';
import { viewFromAws } from '../providers/aws-view.js';
import { readTemplate, viewFromTemplate } from '../providers/template-view.js';
import { viewFromSpec } from '../providers/spec-view.js';
import type { NetworkView } from '../providers/network-view.js';
import { parseTime } from '../cli/time-range.js';
import type { DoctorContext, ReachQuestion } from './types.js';

export interface ProviderOptions {
  readonly template?: string;
  readonly flowLogs?: readonly string[];
  readonly live?: boolean;
  readonly region?: string;
  readonly profile?: string;
  readonly vpcId?: string;
  /** Flow-log time range in live mode. @default '1h' */
  readonly since?: string;
  readonly reach?: ReachQuestion;
  /** Injected clients (tests). */
  readonly clients?: { readonly ec2: EC2Client; readonly logs: CloudWatchLogsClient };
}

const LOCAL_LIMITS = { ...DEFAULT_INSIGHTS_LIMITS, defaultResultRows: 1_000_000, maxResultRows: 1_000_000 };

/** The view and the flow-log access a doctor run needs, offline or live. */
export async function buildDoctorContext(spec: NetworkSpec, source: string, options: ProviderOptions): Promise<DoctorContext> {
  const region = options.region ?? process.env['AWS_REGION'] ?? process.env['AWS_DEFAULT_REGION'] ?? '<region>';
  let view: NetworkView;
  let flowLogQuery: DoctorContext['flowLogQuery'];
  if (options.live) {
    const clientConfig = { ...(options.region ? { region: options.region } : {}), ...(options.profile ? { profile: options.profile } : {}) };
    const ec2 = options.clients?.ec2 ?? new EC2Client({ ...clientConfig, retryMode: 'adaptive', maxAttempts: 8 });
    const logs = options.clients?.logs ?? createLogsClient(clientConfig);
    view = await viewFromAws({ ec2, logs, spec, ...(options.vpcId ? { vpcId: options.vpcId } : {}) });
    const logGroup = view.logGroup?.name;
    if (logGroup) {
      flowLogQuery = async (query: string): Promise<readonly ResultRow[]> => {
        const endTime = Math.floor(Date.now() / 1000);
        return (await runInsightsQueryComplete(logs, { logGroupNames: [logGroup], startTime: parseTime(options.since ?? '1h', '--since'), endTime, queryString: query })).rows;
      };
    }
  } else {
    view = options.template ? viewFromTemplate(await readTemplate(options.template), spec, `template ${options.template}`) : viewFromSpec(spec, source);
  }
  if (!options.live && options.flowLogs && options.flowLogs.length > 0) {
    const files = [...options.flowLogs];
    flowLogQuery = async (query: string) => (await runLocalQuery(query, files, { limits: LOCAL_LIMITS })).rows;
  }
  const subnets = view.source === 'live' ? view.subnets.filter((s) => s.cidr).map((s) => ({ cidr: s.cidr!, tier: s.tier, id: s.id })) : undefined;
  return { spec, view, annotator: createAnnotator(spec, subnets), flowLogQuery, reach: options.reach, region };
}
