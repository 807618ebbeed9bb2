// Public entry of @artos/flowlog-analyzer: re-exports only. Internals live in ./private.
export { FlowLogError, isFlowLogError, type FlowLogErrorCode } from './private/errors.js';
export { FIELD_SPECS, insightsName, fieldByAwsName, fieldByInsightsName, SYSTEM_FIELDS, type FieldSpec } from './private/fields.js';
export { RecordFormat } from './private/record-format.js';
export { RecordParser, emptyInfo, mergeInfo, type FieldValue, type ParseInfo, type RecordContext, type RecordParserOptions } from './private/record-parser.js';
export { decodedChunks, parseStream, expandPaths, fileChunks } from './private/sources.js';
export { parseQuery } from './private/query/parser.js';
export type { Query, Command, Expr, Projection } from './private/query/ast.js';
export { QueryExecutor, type QueryOutput, type ResultRow } from './private/engine/execute.js';
export { runLocalQuery, runQueryOnText, runQueryOnSources, QuerySink, type QueryResult, type QueryStatistics, type LocalQueryOptions } from './private/run-query.js';
export { DEFAULT_INSIGHTS_LIMITS, type InsightsLimits } from './private/limits.js';
export { generateSampleTraffic, sampleCast, DEFAULT_FORMAT_HEADER, SAMPLE_ACCOUNT, type SampleTrafficOptions, type SampleCast, type IncidentOptions } from './private/sample-traffic.js';
export { mulberry32 } from './private/prng.js';
