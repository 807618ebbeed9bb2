import { EC2Client } from '@aws-sdk/client-ec2';
import { createLogsClient, runFlowLogQuery, type ResultRow } from '@artos/flowlog-analyzer';
import type { NetworkModel, NetworkSpec } from '@artos/model';
import { viewFromAws } from '../providers/aws-view.js';
import { modelFromLiveView } from '../providers/live-view-adapter.js';
import type { ProviderOptions } from './build-context.js';
import { sinceSeconds } from './build-context.js';

/** The deployed network and its flow-log group, read from the account. */
export async function buildLiveModel(spec: NetworkSpec, options: ProviderOptions): Promise<{ model: NetworkModel; flowLogQuery: ((query: string) => Promise<readonly ResultRow[]>) | undefined }> {
  const clientConfig = { ...(options.region ? { region: options.region } : {}), ...(options.profile ? { profile: options.profile } : {}) };
  const ec2 = options.clients?.ec2 ?? new EC2Client({ ...clientConfig, retryMode: 'adaptive', maxAttempts: 8 });
  const logs = options.clients?.logs ?? createLogsClient(clientConfig);
  const model = modelFromLiveView(await viewFromAws({ ec2, logs, spec, ...(options.vpcId ? { vpcId: options.vpcId } : {}) }));
  const logGroup = model.logGroup?.name;
  const flowLogQuery = logGroup
    ? async (query: string): Promise<readonly ResultRow[]> => {
        const endTime = Math.floor(Date.now() / 1000);
        return (await runFlowLogQuery(query, { kind: 'cloudwatch', client: logs, logGroupNames: [logGroup], startTime: sinceSeconds(options.since), endTime })).rows;
      }
    : undefined;
  return { model, flowLogQuery };
}
