// `@artos/model/records`: the flow-log record fields and IPv4 arithmetic, without the spec's schema
// (zod) or YAML parser. A flow-log worker thread loads only this: the main entry costs every
// thread ~0.15 s of module loading before it reads a byte.
export { FLOW_LOG_FIELDS, DEFAULT_FLOW_LOG_FORMAT_FIELDS, findFlowLogField, flowLogFormatString, type FlowLogFieldInfo } from './private/flow-log-fields.js';
export { parseIpv4, formatIpv4, parseIpv4Cidr, cidrContainsAddress, type Ipv4Cidr, type CidrParse } from './private/ipv4.js';
export type { CidrBlock } from './private/cidr-block.js';
