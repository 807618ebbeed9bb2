import type { EC2Client } from '@aws-sdk/client-ec2';
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { createAnnotator, runFlowLogQuery, type ResultRow } from '@artos/flowlog-analyzer';
import { modelFromSpec, modelFromTemplate, type NetworkModel, type NetworkSpec } from '@artos/model';
import { readTemplate } from '../providers/read-template.js';
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

/** The doctor's checks read every row of their queries over local files. */
const LOCAL_ROW_LIMIT = 1_000_000;

/**
 * The model the doctor judges, from the source it was given: the spec (planned), a synthesized
 * template, or the live account; and flow-log access. The AWS SDK loads only for --live.
 */
export async function buildDoctorContext(spec: NetworkSpec, source: string, options: ProviderOptions): Promise<DoctorContext> {
  const region = options.region ?? process.env['AWS_REGION'] ?? process.env['AWS_DEFAULT_REGION'] ?? '<region>';
  const planned = modelFromSpec(spec, { description: source, ...(options.region ? { region: options.region } : {}) });
  let model: NetworkModel;
  let flowLogQuery: DoctorContext['flowLogQuery'];
  if (options.live) {
    const live = await import('./build-live-model.js');
    ({ model, flowLogQuery } = await live.buildLiveModel(spec, options));
  } else if (options.template) {
    model = modelFromTemplate(await readTemplate(options.template), { description: `template ${options.template}`, spec });
  } else {
    model = planned;
  }
  if (!options.live && options.flowLogs && options.flowLogs.length > 0) {
    const paths = [...options.flowLogs];
    // Empty or damaged files make a flow-log step unknown (the runner turns the throw into one), never a pass.
    flowLogQuery = async (query: string) => {
      const result = await runFlowLogQuery(query, { kind: 'files', paths }, { rowLimit: LOCAL_ROW_LIMIT });
      const info = result.statistics.info;
      if (info.records === 0) throw new Error(`no flow-log records in ${paths.join(', ')} (${info.lines} line(s) read): nothing can be concluded from them`);
      if (info.skipped > 0)
        throw new Error(
          `the flow logs are incomplete: ${info.skipped} line(s) of ${paths.join(', ')} could not be read (${Object.entries(info.malformed)
            .map(([code, e]) => `${code} ${e!.count}`)
            .join(', ')}); "nothing found" would not mean nothing happened`,
        );
      return result.rows;
    };
  }
  return { spec, model, planned, annotator: createAnnotator(model), flowLogQuery, reach: options.reach, region };
}

/** Live flow-log queries over the time range the user gave. */
export function sinceSeconds(since: string | undefined): number {
  return parseTime(since ?? '1h', '--since');
}
export type { ResultRow };
