/**
 * The TCP flags a flow-log record carries in `tcp-flags`. AWS, "Flow log records" (field
 * `tcp-flags`): "FIN — 1 SYN — 2 RST — 4 SYN-ACK — 18 … TCP flags can be OR-ed during the
 * aggregation interval … 19 for SYN-ACK and FIN, and 3 for SYN and FIN"; ACK and PSH alone are
 * logged as 0. https://docs.aws.amazon.com/vpc/latest/userguide/flow-log-records.html
 */
export const TCP_FLAGS = { FIN: 1, SYN: 2, RST: 4, SYN_ACK: 18 } as const;

/** True when the SYN bit (2) is set and the ACK bit (16) is not: a connection attempt. */
export function isSynOnly(flags: number): boolean {
  return (flags & 2) !== 0 && (flags & 16) === 0;
}

/** True when SYN and ACK (18) are both set: the answer to a connection attempt. */
export function isSynAck(flags: number): boolean {
  return (flags & 18) === 18;
}

export function hasRst(flags: number): boolean {
  return (flags & 4) !== 0;
}
