// Public entry of @artos/flowlog-analyzer: re-exports only. Internals live in ./private.
export { FlowLogError, isFlowLogError, type FlowLogErrorCode } from './private/errors.js';
export { FIELD_SPECS, insightsName, fieldByAwsName, fieldByInsightsName, SYSTEM_FIELDS, type FieldSpec } from './private/fields.js';
export { RecordFormat } from './private/record-format.js';
export { RecordParser, type FieldValue, type ParseInfo, type RecordContext, type RecordParserOptions } from './private/record-parser.js';
export { decodedChunks, parseStream, expandPaths, fileChunks } from './private/sources.js';
export { parseQuery } from './private/query/parser.js';
export type { Query, Command, Expr, Projection } from './private/query/ast.js';
export { QueryExecutor, type QueryOutput, type ResultRow, type PartialGroups, type PartialRows } from './private/engine/execute.js';
export type { Row } from './private/engine/row.js';
export { runLocalQuery, runQueryOnText, runQueryOnSources, type QueryResult, type QueryStatistics, type LocalQueryOptions } from './private/run-query.js';
export { DEFAULT_INSIGHTS_LIMITS, MAX_QUERY_NESTING, type InsightsLimits } from './private/limits.js';
export {
  generateSampleTraffic,
  planSampleTraffic,
  sampleCast,
  DEFAULT_FORMAT_HEADER,
  RICH_SAMPLE_FORMAT_FIELDS,
  SAMPLE_ACCOUNT,
  DEFAULT_OUTSIDE_RANGES,
  outsideRangesFrom,
  INCIDENT_IDS,
  type SampleTrafficOptions,
  type SampleCast,
  type IncidentId,
  type TrafficPlan,
} from './private/sample-traffic.js';
export type { Placement, Workload, Eni, OutsideRange } from './private/traffic/workloads.js';
export type { PlannedIncident, SkippedIncident } from './private/traffic/incidents.js';
export { admitsFor, sampleNetworkModel, SAMPLE_S3_CIDR, type Admits, type AdmitAnswer, type AdmitQuestion } from './private/traffic/admits.js';
export { SAMPLE_S3_ADDRESS, SAMPLE_IDP } from './private/traffic/incidents.js';
export { trafficPathParameters, type TrafficPathParameters } from './private/detectors/traffic-path-parameters.js';
export { detectorParameters } from './private/detectors/detector-parameters.js';
export { TCP_FLAGS } from './private/traffic/tcp-flags.js';
export { HISTOGRAM_RANGE_QUERY, histogramBucketMs, histogramQuery, buildHistogram, type HistogramBucket } from './private/histogram.js';
export { createLogsClient, type LogsClientOptions } from './private/insights/logs-client.js';
export { runInsightsQuery, type InsightsQueryRequest, type InsightsQueryResult, type InsightsStatistics } from './private/insights/run-insights-query.js';
export { runInsightsQueryComplete, type CompleteResult } from './private/insights/complete-results.js';
export { filterLogEvents, logEventChunks, type LogEvent, type LogEventsRequest } from './private/insights/filter-log-events.js';
export { fromAwsError } from './private/insights/aws-errors.js';
export { formatParseCommand, withFormatParse } from './private/insights/format-parse.js';
export { runFlowLogQuery, type FlowLogQueryOptions } from './private/source/run-flow-log-query.js';
export type { FlowLogSource, FileSource, CloudWatchSource, QueryProgress } from './private/source/flow-log-source.js';
export { planQuery, type QueryPlan } from './private/query/plan.js';
export { recordTests, type RecordTest } from './private/query/record-tests.js';
export { FUNCTIONS, findFunction } from './private/query/functions/catalog.js';
export type { FunctionDef, ScalarFunction, AggregateFunction } from './private/query/functions/function-def.js';
export { CANNED_QUERIES, findCannedQuery, endpointUsageFilter, type CannedQuery, type CannedQueryParameter } from './private/canned-queries.js';
export {
  DETECTORS,
  SEED_DETECTORS,
  RICH_FIELD_DETECTORS,
  runDetectors,
  type DetectorRun,
  type RunDetectorsOptions,
} from './private/detectors/run-detectors.js';
export type { Detector, ThreatFinding, ThreatSeverity } from './private/detectors/threat-finding.js';
export { createAnnotator, type Annotator, type AddressAnnotation, type ExplainableRecord, type FlowExplanation } from './private/explain.js';
export { auditRules, acceptedFlowsFromRows, type AcceptedFlow, type RuleAudit, type RuleUsage } from './private/rule-audit.js';
export { explainRow, recordOfRow } from './private/explain-row.js';
// Types that the exports above name in their signatures.
export type { Accumulator } from './private/engine/aggregates.js';
export type { BinaryOp } from './private/query/ast.js';
export type { BlockedAt, FlowEnd, SampleNetworkOptions } from './private/traffic/admits.js';
export type { ArgKind, CallExpr, CloudOnlyFunction, FunctionBase } from './private/query/functions/function-def.js';
export type { Connection, ConnectionOutcome } from './private/traffic/connection.js';
export type { FlowRecord } from './private/traffic/flow-record.js';
export type { Getter } from './private/engine/row.js';
export type { IncidentStep } from './private/traffic/incidents.js';
export type { ParallelOptions } from './private/parallel/run-parallel.js';
export type { TrafficModelOptions } from './private/traffic/generate.js';
export type { Value } from './private/engine/values.js';
export type { WorkloadKind } from './private/traffic/workloads.js';
