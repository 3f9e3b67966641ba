import { z } from 'zod';
import { EXCHANGE_VALID_HOURS, ExchangePayload, SignedExchangeFile } from '../../../shared/approvals';
import type { ExchangeFileView, FetchedExchangeFile, FetchFromOdooResult, PublishedToOdoo } from '../../../shared/ipc';
import type { Log } from '../../app/log';
import { OdooClient, type OdooConnection } from '../odoo';
import type { ApprovalService, Approver } from './approval-service';
import type { ApprovalExchange } from './exchange';

/** Marks an attachment as a planner exchange file; the file id follows it, so a desktop can skip what it knows without downloading it. */
const MARK = 'Network Planner exchange file';
const HOUR_MS = 3_600_000;
/** At most this many files per fetch (a region's supervisors exchange a handful a day). */
const FETCH_LIMIT = 200;

export class OdooExchangeUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OdooExchangeUnavailableError';
  }
}

const AttachmentHead = z.object({ id: z.number().int(), name: z.string(), description: z.union([z.string(), z.literal(false)]), create_uid: z.union([z.tuple([z.number(), z.string()]), z.literal(false)]) });
const AttachmentBody = z.object({ id: z.number().int(), datas: z.union([z.string(), z.literal(false)]) });

export interface OdooExchangeOptions {
  service: ApprovalService;
  exchange: ApprovalExchange;
  connection: () => Promise<OdooConnection | null>;
  /** True while the planner shows the demo network: nothing of it goes to an Odoo. */
  showsDemo: () => boolean;
  log: Log;
  now: () => Date;
  /** Tests hand in a client factory; the default talks JSON-RPC to the server. */
  client?: (connection: OdooConnection) => OdooClient;
}

/** Odoo's datetime format, UTC. */
function odooTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

function fileIdOf(content: string): string {
  const file = SignedExchangeFile.parse(JSON.parse(content));
  return ExchangePayload.parse(JSON.parse(file.payload)).fileId;
}

/**
 * The same signed files as the offline exchange, carried by Odoo when it can be reached: a file is
 * attached to its signer's own Odoo user record (which any internal user may do and any internal
 * user may read; never a public attachment), and another desktop fetches the files it does not know
 * yet and imports each exactly as if it had been handed over. Odoo only carries them: every check of
 * the offline import (signature, trusted key, role, region, expiry, replay) still applies.
 */
export class OdooExchange {
  constructor(private readonly options: OdooExchangeOptions) {}

  private async client(): Promise<{ client: OdooClient; uid: number }> {
    if (this.options.showsDemo()) throw new OdooExchangeUnavailableError('This planner shows the demo network, and nothing of the demo is sent to Odoo: export the file and hand it over instead.');
    const connection = await this.options.connection();
    if (!connection) throw new OdooExchangeUnavailableError('No Odoo connection with a login and API key is set up: export the file and hand it over instead.');
    const client = this.options.client ? this.options.client(connection) : new OdooClient(connection, { timeoutMs: 30_000 });
    try {
      const session = await client.connect();
      return { client, uid: session.uid };
    } catch (error) {
      throw new OdooExchangeUnavailableError(`Odoo could not be reached (${error instanceof Error ? error.message : String(error)}): export the file and hand it over instead.`);
    }
  }

  /** Signs the batch or its decisions (as the offline export does) and attaches the file in Odoo, once. */
  async publish(file: () => ExchangeFileView): Promise<PublishedToOdoo> {
    const { client, uid } = await this.client();
    const signed = file();
    const fileId = fileIdOf(signed.content);
    const description = `${MARK} ${fileId}`;
    const existing = await client.search('ir.attachment', [['res_model', '=', 'res.users'], ['res_id', '=', uid], ['description', '=', description]], { limit: 1 });
    const attachmentId =
      existing[0] ??
      (await client.create('ir.attachment', { name: signed.fileName, description, res_model: 'res.users', res_id: uid, type: 'binary', mimetype: 'application/json', datas: Buffer.from(signed.content, 'utf8').toString('base64') }));
    this.options.log.info({ fileId, attachmentId }, 'exchange file published to Odoo');
    return { fileName: signed.fileName, attachmentId, summary: `${signed.summary} It is in Odoo: other desktops fetch it from there.` };
  }

  /**
   * Imports every exchange file in Odoo this desktop has neither made nor imported, from the last
   * EXCHANGE_VALID_HOURS (older ones could not be imported anyway). A refused file is reported with
   * its reason (and, for an untrusted signer, what is needed to trust it) and tried again next time.
   */
  async fetch(user: Approver | null): Promise<FetchFromOdooResult> {
    const { client } = await this.client();
    const store = this.options.service.storeForExchange;
    const since = odooTime(new Date(this.options.now().getTime() - EXCHANGE_VALID_HOURS * HOUR_MS));
    const heads = await client.searchRead(
      'ir.attachment',
      [['res_model', '=', 'res.users'], ['description', '=like', `${MARK} %`], ['create_date', '>=', since]],
      ['name', 'description', 'create_uid'],
      AttachmentHead,
      { limit: FETCH_LIMIT, order: 'id asc' },
    );
    const unknown = heads.filter((head) => {
      const fileId = typeof head.description === 'string' ? head.description.slice(MARK.length + 1) : '';
      return fileId !== '' && !store.knowsFile(fileId);
    });
    const files: FetchedExchangeFile[] = [];
    for (const head of unknown) {
      const [body] = await client.read('ir.attachment', [head.id], ['datas'], AttachmentBody);
      const from = head.create_uid === false ? 'unknown' : head.create_uid[1];
      if (!body || body.datas === false) {
        files.push({ fileName: head.name, from, outcome: 'refused', summary: 'The attachment in Odoo has no content.', untrustedSigner: null, content: null });
        continue;
      }
      const content = Buffer.from(body.datas, 'base64').toString('utf8');
      const result = await this.options.exchange.importFile(content, user);
      files.push(
        result.outcome === 'imported'
          ? { fileName: head.name, from, outcome: 'imported', summary: result.summary, untrustedSigner: null, content: null }
          : { fileName: head.name, from, outcome: 'refused', summary: result.reason, untrustedSigner: result.untrustedSigner, content: result.untrustedSigner ? content : null },
      );
    }
    const imported = files.filter((file) => file.outcome === 'imported').length;
    const refused = files.length - imported;
    this.options.log.info({ seen: heads.length, imported, refused }, 'exchange files fetched from Odoo');
    const summary =
      files.length === 0
        ? 'Odoo holds no exchange file this desktop has not seen.'
        : [imported > 0 ? `${imported} file${imported === 1 ? '' : 's'} imported` : null, refused > 0 ? `${refused} refused (see why below)` : null].filter(Boolean).join('; ') + '.';
    return { files, summary };
  }
}
