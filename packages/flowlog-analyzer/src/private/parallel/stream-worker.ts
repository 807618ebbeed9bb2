import { parentPort, workerData } from 'node:worker_threads';
import { parseQuery } from '../query/parser.js';
import { RecordFormat } from '../record-format.js';
import { QuerySink } from '../run-query.js';
import { RecordParser } from '../record-parser.js';
import { isFlowLogError } from '../errors.js';
import type { StreamReply, StreamRequest, StreamSetup } from './stream-protocol.js';

// One long-lived worker of a gzip run: it parses the line-aligned blocks of decompressed records
// the main thread deals it, in any order, into one set of stats groups (the plan allows this only
// when the aggregates do not depend on the order), and hands the groups over at the end.
const setup = workerData as StreamSetup;
const sink = new QuerySink(parseQuery(setup.queryText));
const local = Buffer.allocUnsafeSlow(setup.slotBytes);
// Blocks come in input order (dealt in order, each worker reads its own in turn), so a group is made
// in the block where this worker first sees it; the main thread orders all groups by that block.
const origins: number[] = [];

parentPort!.on('message', (request: StreamRequest) => {
  if (request.kind === 'end') {
    parentPort!.postMessage({ kind: 'end', groups: sink.executor.exportStatsGroups(), origins, matched: sink.executor.matchedEvents } satisfies StreamReply);
    return;
  }
  try {
    const format = request.formatFields ? RecordFormat.custom(request.formatFields) : undefined;
    const parser = new RecordParser({ ...sink.parserOptions(request.source, format ? { format } : {}), headers: request.first });
    if (request.bytes) parser.push(request.bytes);
    else {
      // Copied out of shared memory first: Buffer's indexOf, which finds every line, is several
      // times slower on a SharedArrayBuffer (measured 0.6 s a worker for 10 million records).
      local.set(new Uint8Array(setup.ring, request.slot * setup.slotBytes, request.length));
      parser.push(local.subarray(0, request.length));
    }
    parser.close();
    for (let k = origins.length; k < sink.executor.statsGroupCount; k++) origins.push(request.seq);
    parentPort!.postMessage({ kind: 'block', seq: request.seq, info: parser.info } satisfies StreamReply);
  } catch (error) {
    parentPort!.postMessage({
      kind: 'error',
      seq: request.seq,
      message: (error as Error).message,
      code: isFlowLogError(error) ? error.code : undefined,
      line: isFlowLogError(error) ? error.context.line : undefined,
    } satisfies StreamReply);
  }
});
