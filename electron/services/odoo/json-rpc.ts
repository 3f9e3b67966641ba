import axios, { type AxiosInstance } from 'axios';
import { z } from 'zod';
import {
  OdooAccessError,
  OdooAuthError,
  OdooMissingRecordError,
  OdooProtocolError,
  OdooRateLimitedError,
  OdooServerError,
  OdooUnavailableError,
  OdooValidationError,
  type OdooError,
} from './odoo-errors';

/** Odoo's JSON-RPC reply (reference §1.1, §1.4). A reply with neither `result` nor `error` means None. */
const ErrorData = z.object({
  name: z.string(),
  message: z.string(),
  arguments: z.array(z.unknown()).optional(),
  debug: z.string().optional(),
  context: z.unknown().optional(),
});
const Id = z.union([z.number(), z.string(), z.null()]).optional();
const ErrorEnvelope = z.object({ jsonrpc: z.literal('2.0'), id: Id, error: z.object({ code: z.number(), message: z.string(), data: ErrorData.optional() }) });
const ResultEnvelope = z.object({ jsonrpc: z.literal('2.0'), id: Id, result: z.unknown().optional() });

export interface JsonRpcTarget {
  url: string;
  database: string;
  login: string;
}

export function createOdooHttp(timeoutMs: number): AxiosInstance {
  return axios.create({
    timeout: timeoutMs,
    // Every status and body is judged here, not by axios: Odoo reports failures inside HTTP 200.
    validateStatus: () => true,
    responseType: 'text',
    transformResponse: (data: unknown) => data,
    maxRedirects: 0,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
  });
}

function retryAfterMs(header: unknown): number | undefined {
  if (typeof header !== 'string' || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

const TRANSIENT_NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ERR_SOCKET_CONNECTION_TIMEOUT', 'ENOTFOUND']);

/** Turns Odoo's error envelope into the error a caller can act on, keeping Odoo's own words. */
export function odooErrorFromEnvelope(data: z.infer<typeof ErrorData> | undefined, code: number, call: string, target: JsonRpcTarget): OdooError {
  const odooName = data?.name ?? (code === 100 ? 'odoo.http.SessionExpiredException' : 'unknown');
  const odooMessage = data?.message ?? '';
  const details = { odooName, odooMessage, call };
  switch (odooName) {
    case 'odoo.exceptions.AccessDenied':
      return new OdooAuthError(`Odoo refused the login for ${target.login} on ${target.database}: check the login and API key in Settings.`, details);
    case 'odoo.exceptions.AccessError':
      return new OdooAccessError(`Odoo refused ${call} for ${target.login}: ${odooMessage}`, details);
    case 'odoo.exceptions.MissingError':
      return new OdooMissingRecordError(`${call}: ${odooMessage}`, details);
    case 'odoo.exceptions.ValidationError':
    case 'odoo.exceptions.UserError':
    case 'odoo.exceptions.RedirectWarning':
      return new OdooValidationError(odooMessage.trim() === '' ? `Odoo refused ${call} without giving a reason (${odooName}).` : odooMessage, details);
    case 'odoo.http.SessionExpiredException':
      return new OdooAuthError(`Odoo ended the session for ${target.login} on ${target.database}; sign in again.`, details);
    default:
      // Odoo retries serialization failures itself; one that still surfaces is worth retrying later.
      if (/SerializationFailure|LockNotAvailable|could not serialize access/i.test(`${odooName} ${odooMessage}`)) {
        return new OdooUnavailableError(`Odoo was busy with ${call}; it will be tried again.`, details);
      }
      return new OdooServerError(`Odoo failed ${call}: ${odooName}: ${odooMessage}`, details);
  }
}

/**
 * One JSON-RPC call to `POST /jsonrpc`. Resolves with the raw `result` (null when Odoo returned
 * None) or rejects with an OdooError: never with axios's or JSON's own errors.
 */
export async function callJsonRpc(http: AxiosInstance, target: JsonRpcTarget, service: string, method: string, args: unknown[], call: string, id: number): Promise<unknown> {
  const endpoint = new URL('/jsonrpc', target.url).toString();
  let response;
  try {
    response = await http.post<string>(endpoint, JSON.stringify({ jsonrpc: '2.0', method: 'call', id, params: { service, method, args } }));
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    const reason = error instanceof Error ? error.message : String(error);
    if (TRANSIENT_NETWORK_CODES.has(code) || /timeout|socket hang up|network/i.test(reason)) {
      return Promise.reject(new OdooUnavailableError(`Odoo at ${target.url} cannot be reached (${code || reason}); ${call} will be tried again.`, { call }));
    }
    return Promise.reject(new OdooUnavailableError(`Talking to Odoo at ${target.url} failed (${reason}).`, { call }));
  }
  const status = response.status;
  const body = typeof response.data === 'string' ? response.data : String(response.data ?? '');
  if (status === 429) {
    throw new OdooRateLimitedError(`Odoo at ${target.url} asked us to slow down; ${call} will be tried again.`, { call, httpStatus: status, retryAfterMs: retryAfterMs(response.headers['retry-after']) });
  }
  if (status >= 500 || status === 408) {
    throw new OdooUnavailableError(`Odoo at ${target.url} is unavailable (HTTP ${status}); ${call} will be tried again.`, { call, httpStatus: status, retryAfterMs: retryAfterMs(response.headers['retry-after']) });
  }
  if (status === 404) throw new OdooProtocolError(`There is no Odoo JSON-RPC endpoint at ${endpoint} (HTTP 404): check the Odoo address in Settings.`, { call, httpStatus: status });
  if (status !== 200) throw new OdooProtocolError(`Odoo answered ${call} with HTTP ${status}: ${body.slice(0, 200)}`, { call, httpStatus: status });

  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    const looksLikeHtml = /^\s*</.test(body);
    throw new OdooProtocolError(
      looksLikeHtml
        ? `Odoo at ${target.url} answered ${call} with a web page instead of JSON-RPC: check the Odoo address in Settings.`
        : `Odoo's reply to ${call} is not valid JSON (${body.length} bytes, starting "${body.slice(0, 40)}").`,
      { call, httpStatus: status },
    );
  }
  const malformed = (): OdooProtocolError => new OdooProtocolError(`Odoo's reply to ${call} is not a JSON-RPC answer.`, { call, httpStatus: status });
  if (typeof json === 'object' && json !== null && 'error' in json) {
    const failed = ErrorEnvelope.safeParse(json);
    if (!failed.success) throw malformed();
    throw odooErrorFromEnvelope(failed.data.error.data, failed.data.error.code, call, target);
  }
  const answered = ResultEnvelope.safeParse(json);
  if (!answered.success) throw malformed();
  return answered.data.result ?? null;
}
