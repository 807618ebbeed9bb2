import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createElement } from 'react';
import { Command } from 'commander';
import { generateSampleTraffic, planSampleTraffic, isFlowLogError, RICH_SAMPLE_FORMAT_FIELDS, runFlowLogQuery } from '@artos/flowlog-analyzer';
import { EXIT_OK } from './cli-errors.js';
import type { CommandContext } from './common-options.js';
import { loadValidSpec } from './spec-source.js';
import { addProviderOptions, providerOptions, type DoctorCliOptions } from './doctor-command.js';
import { buildDoctorContext } from '../doctor/build-context.js';
import { endpointAddressesOf } from '../providers/endpoint-addresses.js';
import { runWorkflow } from '../doctor/run-workflow.js';
import { WORKFLOWS } from '../doctor/workflows.js';
import { renderOverviewText } from '../render/overview-text.js';
import { renderModelText } from '../render/model-text.js';
import { renderDoctorText } from '../render/doctor-text.js';
import { parseTime } from './time-range.js';
import type { AppData } from '../app/app-data.js';
import { createInsightsLogsClient } from '../providers/aws-clients.js';

export const DEMO_RECORDS = 50_000;

interface UiOptions extends DoctorCliOptions {
  readonly demoTraffic: boolean;
}

function samplePlan(spec: Parameters<typeof planSampleTraffic>[0]) {
  try {
    return planSampleTraffic(spec, { records: DEMO_RECORDS, seed: 1 });
  } catch (error) {
    if (isFlowLogError(error)) return undefined;
    throw error;
  }
}

/** Loads everything the UI shows; offline without flow logs, it generates traffic with the seed's incidents. */
export async function prepareAppData(options: UiOptions): Promise<{ data: AppData; cleanup: () => void }> {
  const { spec, source } = await loadValidSpec(options);
  let files = options.flowLogs;
  let flowLogSource = files.length > 0 ? files.join(', ') : undefined;
  let cleanup = () => {};
  let endpointAddresses: readonly string[] | undefined;
  // A spec without subnet CIDRs (existing subnets by id) has nowhere to place sample workloads: no demo traffic then.
  const plan = files.length === 0 && !options.live && options.demoTraffic ? samplePlan(spec) : undefined;
  if (plan) {
    const dir = mkdtempSync(join(tmpdir(), 'artos-demo-'));
    const file = join(dir, 'demo-flow-logs.log');
    // A header line names the custom format, so tcp-flags, pkt-srcaddr and flow-direction are read.
    writeFileSync(
      file,
      `${[...generateSampleTraffic(spec, { records: DEMO_RECORDS, seed: 1, format: RICH_SAMPLE_FORMAT_FIELDS, header: true })].join('\n')}\n`,
    );
    files = [file];
    endpointAddresses = plan.placement.endpoints.map((e) => e.address);
    flowLogSource = `generated sample traffic, ${DEMO_RECORDS.toLocaleString('en-US')} records with the incidents this network can produce (${plan.incidents.map((i) => i.id).join(', ')})`;
    cleanup = () => rmSync(dir, { recursive: true, force: true });
  }
  const provider = { ...providerOptions(options), flowLogs: files };
  const context = await buildDoctorContext(spec, source, provider);
  const liveEndpoints = endpointAddressesOf(context.model);
  if (!endpointAddresses && liveEndpoints.length > 0) endpointAddresses = liveEndpoints;
  let runQuery: AppData['runQuery'];
  if (files.length > 0) {
    const paths = files;
    runQuery = (query, signal, onProgress) => runFlowLogQuery(query, { kind: 'files', paths }, { signal, onProgress: (p) => onProgress(p.recordsScanned) });
  } else if (options.live && context.model.logGroup) {
    const logs = createInsightsLogsClient({ ...(options.region ? { region: options.region } : {}), ...(options.profile ? { profile: options.profile } : {}) });
    const logGroup = context.model.logGroup.name;
    flowLogSource = `CloudWatch Logs Insights, ${logGroup}, since ${options.since}`;
    runQuery = (query, signal, onProgress) =>
      runFlowLogQuery(
        query,
        { kind: 'cloudwatch', client: logs, logGroupNames: [logGroup], startTime: parseTime(options.since, '--since'), endTime: Math.floor(Date.now() / 1000) },
        { signal, onProgress: (p) => onProgress(p.recordsScanned) },
      );
  }
  return {
    data: {
      spec,
      source: `${source}${options.live ? ' (live)' : options.template ? ` + ${options.template}` : ''}`,
      context,
      runQuery,
      flowLogSource,
      ...(endpointAddresses ? { endpointAddresses } : {}),
    },
    cleanup,
  };
}

/** `artos-net` / `artos-net ui`: the terminal UI; without a terminal, the overview and the doctor report. */
export function uiCommand(context: CommandContext): Command {
  return addProviderOptions(new Command('ui'))
    .option('--no-demo-traffic', 'offline without --flow-logs: do not generate sample traffic')
    .action(async (options: UiOptions) => {
      const { data, cleanup } = await prepareAppData(options);
      try {
        if (!context.io.isTty) {
          context.io.out(data.context.model.source === 'spec' ? renderOverviewText(data.spec, data.source) : renderModelText(data.context.model));
          context.io.out(`\nFlow logs: ${data.flowLogSource ?? 'none'}\n\n`);
          const reports = [];
          for (const w of WORKFLOWS) reports.push(await runWorkflow(w, data.context));
          context.io.out(renderDoctorText(reports));
          context.finish(EXIT_OK);
          return;
        }
        const { render } = await import('ink');
        const { App } = await import('../app/App.js');
        const instance = render(createElement(App, { data }), { exitOnCtrlC: true });
        await instance.waitUntilExit();
        context.finish(EXIT_OK);
      } finally {
        cleanup();
      }
    });
}
