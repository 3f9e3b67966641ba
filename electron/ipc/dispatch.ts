import { describeProblems } from '../../shared/domain';
import { isRequestChannel, REQUESTS, type IpcResult, type ParsedRequestOf, type RequestChannel, type ResponseOf } from '../../shared/ipc';
import type { Log } from '../app/log';
import { ServiceError } from './service-error';

export type RequestHandlers = { [C in RequestChannel]: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>> };

async function invokeHandler<C extends RequestChannel>(handlers: RequestHandlers, channel: C, request: ParsedRequestOf<C>): Promise<unknown> {
  const handler = handlers[channel] as (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>>;
  return handler(request);
}

const CHANNEL_NAME = /^[a-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)+$/;

/**
 * How a refused channel is named in the log and the answer: quoted when it looks like a channel
 * name ("outbox.dropEverything"), otherwise only described. Whatever a page sends as a channel is
 * never echoed or logged verbatim: it could be a pasted credential or a forged log line.
 */
function nameOfUnknownChannel(channel: unknown): { logged: string; shown: string } {
  if (typeof channel === 'string' && channel.length <= 80 && CHANNEL_NAME.test(channel)) return { logged: channel, shown: `"${channel}"` };
  const described = typeof channel === 'string' ? `(not a channel name: ${channel.length} characters)` : `(a ${channel === null ? 'null' : typeof channel}, not a channel name)`;
  return { logged: described, shown: `A request ${described}` };
}

/**
 * The one gate every request passes, whichever transport carried it: the channel must be in the
 * contract and the request must match its schema before any service sees it.
 */
export async function dispatchRequest(handlers: RequestHandlers, channel: unknown, rawRequest: unknown, log: Log): Promise<IpcResult> {
  if (!isRequestChannel(channel)) {
    const named = nameOfUnknownChannel(channel);
    log.warn({ channel: named.logged }, 'refused a request on a channel outside the contract');
    return { ok: false, error: { code: 'unknown-channel', message: `${named.shown} is not a Network Planner request.` } };
  }
  const contract = REQUESTS[channel];
  const parsed = contract.request.safeParse(rawRequest);
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid-request', message: `${channel}: ${describeProblems(parsed.error)}` } };
  }
  try {
    const value = await invokeHandler(handlers, channel, parsed.data as ParsedRequestOf<typeof channel>);
    const checked = contract.response.safeParse(value);
    if (!checked.success) {
      log.error({ channel, problems: describeProblems(checked.error) }, 'a service answered outside the contract');
      return { ok: false, error: { code: 'failed', message: `${channel} produced an answer the screen cannot use; the details are in the log.` } };
    }
    return { ok: true, value: checked.data };
  } catch (error) {
    if (error instanceof ServiceError) return { ok: false, error: { code: error.code, message: error.message } };
    log.error({ channel, err: error }, 'request failed');
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'failed', message: `${channel} failed: ${message}` } };
  }
}
