import { checkAccess } from '../orm/access';
import type { Env } from '../orm/env';
import { accessError } from '../orm/errors';
import type { ModelSpec, Row } from '../orm/model-spec';
import { createRecords, readRows } from '../orm/records';
import { searchIds } from '../orm/search';
import { boolean, char, integer, many2one, selection, text } from './field-kit';

const DENIED = 'Sorry, you are not allowed to access this document.';

/**
 * Odoo 17/18's `ir.attachment.check`: only internal users; a public attachment can be read by
 * anyone; one attached to nothing only by its creator (or a Settings user); one attached to a record
 * by whoever may read that record, and created only by whoever may write it (a user may attach to
 * their own `res.users` record without write access to it).
 */
function mayAccess(env: Env, row: Row, mode: 'read' | 'write' | 'create'): boolean {
  if (env.su) return true;
  if (!env.hasGroup('base.group_user')) return false;
  if (row.public && mode === 'read') return true;
  const system = env.hasGroup('base.group_system');
  const resModel = typeof row.res_model === 'string' && row.res_model !== '' ? row.res_model : null;
  const resId = Number(row.res_id) || 0;
  if (!system && !resId && Number(row.create_uid) !== env.uid) return false;
  if (!resModel || !resId) return true;
  if (resModel === 'res.users' && resId === env.uid) return true;
  if (!env.state.registry.get(resModel)) return true;
  try {
    checkAccess(env, resModel, mode === 'read' ? 'read' : 'write');
    return env.db.table(resModel).get(resId) !== undefined || mode === 'read';
  } catch {
    return false;
  }
}

function visibleIds(env: Env, domain: unknown, order: unknown): number[] {
  checkAccess(env, 'ir.attachment', 'read');
  const table = env.db.table('ir.attachment');
  return searchIds(env, env.model('ir.attachment'), domain ?? [], { offset: 0, limit: null, order: typeof order === 'string' ? order : null }).filter((id) => {
    const row = table.get(id);
    return row !== undefined && mayAccess(env, row, 'read');
  });
}

function page(ids: number[], offset: unknown, limit: unknown): number[] {
  const from = Number(offset) || 0;
  return limit === null || limit === undefined || limit === false || Number(limit) === 0 ? ids.slice(from) : ids.slice(from, from + Number(limit));
}

export function attachmentModels(): ModelSpec[] {
  return [
    {
      name: 'ir.attachment',
      description: 'Attachment',
      order: 'id desc',
      fields: {
        name: char('Name', { required: true }),
        description: text('Description'),
        res_model: char('Resource Model'),
        res_field: char('Resource Field'),
        res_id: integer('Resource ID'),
        company_id: many2one('res.company', 'Company'),
        type: selection('Type', [['url', 'URL'], ['binary', 'File']], { default: 'binary', required: true }),
        url: char('Url'),
        public: boolean('Is public document'),
        datas: { type: 'binary', string: 'File Content (base64)' },
        mimetype: char('Mime Type'),
        file_size: integer('File Size', { readonly: true }),
      },
      prepareCreate: (_env: Env, vals: Record<string, unknown>) => {
        if (typeof vals.datas === 'string') vals.file_size = Buffer.from(vals.datas, 'base64').length;
      },
      methods: {
        // Attachments are filtered by the records they hang on, after the domain, as Odoo's _search does.
        search: {
          kind: 'model',
          params: ['domain', 'offset', 'limit', 'order'],
          defaults: { offset: 0, limit: null, order: null },
          run: (env, _model, { params }) => page(visibleIds(env, params.domain, params.order), params.offset, params.limit),
        },
        search_read: {
          kind: 'model',
          params: ['domain', 'fields', 'offset', 'limit', 'order'],
          defaults: { domain: null, fields: null, offset: 0, limit: null, order: null },
          varKw: true,
          run: (env, model, { params }) => readRows(env, model, page(visibleIds(env, params.domain, params.order), params.offset, params.limit), params.fields, params.load ?? '_classic_read'),
        },
        read: {
          kind: 'records',
          params: ['fields', 'load'],
          defaults: { fields: null, load: '_classic_read' },
          run: (env, model, { ids, params }) => {
            const table = env.db.table('ir.attachment');
            for (const id of ids) {
              const row = table.get(Number(id));
              if (row && !mayAccess(env, row, 'read')) throw accessError(DENIED);
            }
            return readRows(env, model, ids, params.fields, params.load);
          },
        },
        create: {
          kind: 'model',
          params: ['vals_list'],
          run: (env, model, { params }) => {
            const input = params.vals_list;
            const list = (Array.isArray(input) ? input : [input]) as Record<string, unknown>[];
            for (const vals of list) {
              if (!mayAccess(env, { id: 0, ...vals, create_uid: env.uid } as Row, 'create')) throw accessError(DENIED);
            }
            const ids = createRecords(env, model, list);
            return Array.isArray(input) ? ids : ids[0];
          },
        },
      },
    },
  ];
}
