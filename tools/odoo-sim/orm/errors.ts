/**
 * Odoo's exception classes as the wire sees them: `data.name` is `<python module>.<class>`,
 * `arguments` is `exc.args`, `message` is `str(exc)`. The class tree matters for XML-RPC fault codes
 * (AccessDenied, AccessError, MissingError and ValidationError are all UserErrors).
 */
export type OdooErrorName =
  | 'odoo.exceptions.UserError'
  | 'odoo.exceptions.AccessDenied'
  | 'odoo.exceptions.AccessError'
  | 'odoo.exceptions.MissingError'
  | 'odoo.exceptions.ValidationError'
  | 'odoo.exceptions.RedirectWarning'
  | 'odoo.http.SessionExpiredException'
  | 'werkzeug.exceptions.NotFound'
  | 'builtins.ValueError'
  | 'builtins.TypeError'
  | 'builtins.AttributeError'
  | 'builtins.KeyError'
  | 'builtins.NameError'
  | 'builtins.IndexError'
  | 'builtins.AssertionError'
  | 'builtins.Exception'
  | 'psycopg2.OperationalError';

export class OdooError extends Error {
  constructor(
    readonly odooName: OdooErrorName,
    message: string,
    readonly args: unknown[] = [message],
    /** `str(exc)` when it differs from the first argument (KeyError quotes its key). */
    readonly text: string = message,
  ) {
    super(message);
  }

  get isUserError(): boolean {
    return (
      this.odooName === 'odoo.exceptions.UserError' ||
      this.odooName === 'odoo.exceptions.AccessDenied' ||
      this.odooName === 'odoo.exceptions.AccessError' ||
      this.odooName === 'odoo.exceptions.MissingError' ||
      this.odooName === 'odoo.exceptions.ValidationError'
    );
  }
}

export const userError = (message: string): OdooError => new OdooError('odoo.exceptions.UserError', message);
export const validationError = (message: string): OdooError => new OdooError('odoo.exceptions.ValidationError', message);
export const accessError = (message: string): OdooError => new OdooError('odoo.exceptions.AccessError', message);
export const accessDenied = (): OdooError => new OdooError('odoo.exceptions.AccessDenied', 'Access Denied');
export const valueError = (message: string): OdooError => new OdooError('builtins.ValueError', message);
export const typeError = (message: string): OdooError => new OdooError('builtins.TypeError', message);
export const attributeError = (message: string): OdooError => new OdooError('builtins.AttributeError', message);

export function missingError(model: string, ids: readonly number[], uid: number): OdooError {
  const record = `${model}(${ids.map((id) => `${id},`).join(' ').replace(/,$/, ids.length === 1 ? ',' : '')})`;
  return new OdooError(
    'odoo.exceptions.MissingError',
    `Record does not exist or has been deleted.\n(Record: ${record}, User: ${uid})`,
  );
}
