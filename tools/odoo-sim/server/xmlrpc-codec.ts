import { Readable } from 'node:stream';
import { createRequire } from 'node:module';
import { odooDatetime } from '../orm/database';
import { FloatValue } from '../orm/float-value';

/**
 * The `xmlrpc` package's own codec (its Deserializer and serializer), so the stand-in parses
 * and writes XML-RPC exactly as a standard client library does; no hand-written XML.
 */
interface XmlRpcDeserializer {
  deserializeMethodCall(stream: Readable, callback: (error: Error | null, method: string, params: unknown[]) => void): void;
}
interface XmlRpcSerializer {
  serializeMethodResponse(value: unknown): string;
  serializeFault(fault: unknown): string;
}

const require = createRequire(import.meta.url);
const CustomType = require('xmlrpc/lib/customtype') as new (raw: string) => object;

/** A Python float on the wire: always a <double>, with Python's repr ("55.0"). */
class XmlDouble extends CustomType {
  tagName = 'double';
}
const Deserializer = require('xmlrpc/lib/deserializer') as new (encoding?: string) => XmlRpcDeserializer;
const serializer = require('xmlrpc/lib/serializer') as XmlRpcSerializer;

export function parseMethodCall(body: Buffer): Promise<{ method: string; params: unknown[] }> {
  return new Promise((resolve, reject) => {
    const deserializer = new Deserializer('utf8');
    deserializer.deserializeMethodCall(Readable.from([body]), (error, method, params) => {
      if (error) reject(error);
      else resolve({ method, params: params.map(fromXmlRpc) });
    });
  });
}

/** What Odoo's server sees after `xmlrpc.client.loads(use_datetime=True)` and the ORM's conversions. */
function fromXmlRpc(value: unknown): unknown {
  if (value instanceof Date) return odooDatetime(value);
  if (Buffer.isBuffer(value)) return value.toString('base64');
  if (Array.isArray(value)) return value.map(fromXmlRpc);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, fromXmlRpc(item)]));
  }
  return value;
}

/** Odoo's marshaller runs with allow_none=False: any None in a result makes the response a fault. */
export function containsNone(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.some(containsNone);
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).some(containsNone);
  return false;
}

// XML 1.0 forbids control characters other than tab, LF and CR; Odoo strips them the same way.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

function stripControl(value: unknown): unknown {
  if (value instanceof FloatValue) return new XmlDouble(Number.isInteger(value.value) ? value.value.toFixed(1) : String(value.value));
  if (typeof value === 'string') return value.replace(CONTROL_CHARACTERS, '');
  if (Array.isArray(value)) return value.map(stripControl);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, stripControl(item)]));
  return value;
}

export function methodResponse(value: unknown): string {
  return serializer.serializeMethodResponse(stripControl(value));
}

export function faultResponse(fault: { faultCode: number | string; faultString: string }): string {
  return serializer.serializeFault(stripControl(fault));
}
