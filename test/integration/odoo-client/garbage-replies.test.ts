import fc from 'fast-check';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OdooClient, OdooError, OdooProtocolError } from '../../../electron/services/odoo';

interface Reply {
  status: number;
  body: string;
  contentType: string;
}

/** A server that answers `common.version` properly and everything else with the reply under test. */
function fakeOdoo(): { server: Server; url: () => string; next: (reply: Reply) => void } {
  let reply: Reply = { status: 200, body: '{}', contentType: 'application/json' };
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const method = (JSON.parse(body) as { params: { method: string } }).params.method;
      if (method === 'version') {
        response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', id: 1, result: { server_version: '18.0', server_version_info: [18, 0, 0, 'final', 0, ''] } }));
      } else if (method === 'authenticate') {
        response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', id: 2, result: 6 }));
      } else {
        response.writeHead(reply.status, { 'Content-Type': reply.contentType }).end(reply.body);
      }
    });
  });
  return { server, url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`, next: (value) => (reply = value) };
}

const Row = z.object({ id: z.number().int(), quantity: z.number() });
const validEnvelope = JSON.stringify({ jsonrpc: '2.0', id: 3, result: [{ id: 1, quantity: 4 }, { id: 2, quantity: 0 }] });

const replies: fc.Arbitrary<Reply> = fc.oneof(
  fc.jsonValue().map((value) => ({ status: 200, body: JSON.stringify(value), contentType: 'application/json' })),
  fc.nat({ max: validEnvelope.length - 1 }).map((cut) => ({ status: 200, body: validEnvelope.slice(0, cut), contentType: 'application/json' })),
  fc.jsonValue().map((result) => ({ status: 200, body: JSON.stringify({ jsonrpc: '2.0', id: 3, result }), contentType: 'application/json' })),
  fc.constant({ status: 200, body: '<!DOCTYPE html><html><body><h1>Odoo</h1><form action="/web/login">', contentType: 'text/html' }),
  fc.record({ code: fc.integer(), message: fc.string(), data: fc.jsonValue() }).map((error) => ({ status: 200, body: JSON.stringify({ jsonrpc: '2.0', id: 3, error }), contentType: 'application/json' })),
  fc.record({ name: fc.constantFrom('odoo.exceptions.ValidationError', 'odoo.exceptions.AccessError', 'builtins.ValueError', 'odoo.exceptions.MissingError', 'x'), message: fc.string() }).map((data) => ({
    status: 200,
    body: JSON.stringify({ jsonrpc: '2.0', id: 3, error: { code: 200, message: 'Odoo Server Error', data: { ...data, arguments: [data.message], context: {}, debug: '' } } }),
    contentType: 'application/json',
  })),
  fc.record({ status: fc.constantFrom(400, 401, 403, 404, 408, 429, 500, 502, 503, 504), body: fc.string() }).map(({ status, body }) => ({ status, body, contentType: 'text/plain' })),
  fc.constant({ status: 200, body: JSON.stringify({ jsonrpc: '2.0', id: 3 }), contentType: 'application/json' }),
);

describe('garbage from "Odoo"', () => {
  const fake = fakeOdoo();
  let client: OdooClient;
  beforeAll(async () => {
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', () => resolve()));
    client = new OdooClient({ url: fake.url(), database: 'db', login: 'planner', apiKey: 'k'.repeat(40) }, { timeoutMs: 5_000 });
  });
  afterAll(async () => new Promise<void>((resolve) => fake.server.close(() => resolve())));

  it('always ends in rows of the right shape or in a typed OdooError, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(replies, async (reply) => {
        fake.next(reply);
        try {
          const rows = await client.searchRead('stock.quant', [], ['quantity'], Row);
          expect(z.array(Row).safeParse(rows).success).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(OdooError);
          expect((error as OdooError).message.trim().length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('calls a reply without a required result a protocol error that names the call', async () => {
    fake.next({ status: 200, body: JSON.stringify({ jsonrpc: '2.0', id: 3 }), contentType: 'application/json' });
    const attempt = client.searchRead('stock.quant', [], ['quantity'], Row);
    await expect(attempt).rejects.toBeInstanceOf(OdooProtocolError);
    await expect(attempt).rejects.toThrow(/stock\.quant\.search_read/);
  });

  it('recognises an HTML page for what it is', async () => {
    fake.next({ status: 200, body: '<html><body>Login</body></html>', contentType: 'text/html' });
    await expect(client.searchRead('stock.quant', [], ['quantity'], Row)).rejects.toThrow(/web page instead of JSON-RPC: check the Odoo address/);
  });
});
