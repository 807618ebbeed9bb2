/** TCP flag bits as flow logs record them (AWS, "Flow log records": tcp-flags). */
export const TCP_FLAGS = { FIN: 1, SYN: 2, RST: 4, PSH: 8, ACK: 16, URG: 32 } as const;

export interface RecordPorts {
  readonly srcPort: number;
  readonly dstPort: number;
  /** The record's OR-ed tcp-flags, when the format has them. */
  readonly tcpFlags?: number;
}

/**
 * Is a flow-log record the request of a connection or its reply? Security groups are stateful,
 * so a reply needs no rule. With `tcp-flags`: SYN alone opens (request), SYN-ACK (18) answers
 * (reply), as in AWS's "Flow log record examples". Without them: the side on the lower port is
 * the service (clients use ephemeral ports, 1024 and up), so a record from the lower port to a
 * higher one is the reply.
 */
export function recordDirection(record: RecordPorts): 'request' | 'reply' {
  const flags = record.tcpFlags;
  if (flags !== undefined && flags & TCP_FLAGS.SYN) return flags & TCP_FLAGS.ACK ? 'reply' : 'request';
  return record.srcPort < record.dstPort ? 'reply' : 'request';
}
