import { runFlowLogQuery, type ResultRow } from '@artos/flowlog-analyzer';
import type { NetworkModel, NetworkSpec } from '@artos/model';
import { createAwsClients, createInsightsLogsClient } from '../providers/aws-clients.js';
import { modelFromAws } from '../providers/aws-model.js';
import type { ProviderOptions } from './build-context.js';
import { sinceSeconds } from './build-context.js';

/** The deployed network and its flow-log group, read from the account (every call with timeouts). */
export async function buildLiveModel(
  spec: NetworkSpec,
  options: ProviderOptions,
): Promise<{ model: NetworkModel; flowLogQuery: ((query: string) => Promise<readonly ResultRow[]>) | undefined }> {
  const target = { ...(options.region ? { region: options.region } : {}), ...(options.profile ? { profile: options.profile } : {}) };
  const { ec2, logs } = options.clients ?? createAwsClients(target);
  const model = await modelFromAws({
    ec2,
    logs,
    spec,
    ...(options.vpcId ? { vpcId: options.vpcId } : {}),
    ...(options.region ? { region: options.region } : {}),
  });
  const logGroup = model.logGroup?.name;
  const insights = options.clients?.logs ?? createInsightsLogsClient(target);
  const flowLogQuery = logGroup
    ? async (query: string): Promise<readonly ResultRow[]> => {
        const endTime = Math.floor(Date.now() / 1000);
        return (
          await runFlowLogQuery(query, { kind: 'cloudwatch', client: insights, logGroupNames: [logGroup], startTime: sinceSeconds(options.since), endTime })
        ).rows;
      }
    : undefined;
  return { model, flowLogQuery };
}
