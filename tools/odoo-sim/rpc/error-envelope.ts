import { OdooError } from '../orm/errors';

/** `serialize_exception` output for any thrown value (non-Odoo errors become server errors). */
export function serializeException(error: unknown): { name: string; debug: string; message: string; arguments: unknown[]; context: Record<string, unknown> } {
  if (error instanceof OdooError) {
    const pythonClass = error.odooName.split('.').pop() ?? 'Exception';
    const debug =
      error.odooName === 'odoo.exceptions.AccessDenied'
        ? `Traceback (most recent call last):\n${error.odooName}: ${error.text}\n`
        : `Traceback (most recent call last):\n  File "odoo-sim", line 1, in dispatch\n${error.odooName.startsWith('builtins.') ? pythonClass : error.odooName}: ${error.text}\n`;
    return { name: error.odooName, debug, message: error.text, arguments: error.args, context: {} };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    name: 'builtins.Exception',
    debug: `Traceback (most recent call last):\n  File "odoo-sim", line 1, in dispatch\nException: ${message}\n`,
    message,
    arguments: [message],
    context: {},
  };
}

export function jsonRpcError(error: unknown): { code: number; message: string; data: ReturnType<typeof serializeException> } {
  const data = serializeException(error);
  if (error instanceof OdooError && error.odooName === 'werkzeug.exceptions.NotFound') return { code: 404, message: '404: Not Found', data };
  if (error instanceof OdooError && error.odooName === 'odoo.http.SessionExpiredException') return { code: 100, message: 'Odoo Session Expired', data };
  return { code: 200, message: 'Odoo Server Error', data };
}

/** Integer faultCode of `/xmlrpc/2/*` (xmlrpc_handle_exception_int). */
export function xmlRpcFault(error: unknown): { faultCode: number; faultString: string } {
  if (error instanceof OdooError) {
    if (error.odooName === 'odoo.exceptions.RedirectWarning') return { faultCode: 2, faultString: error.text };
    if (error.odooName === 'odoo.exceptions.AccessError') return { faultCode: 4, faultString: error.text };
    if (error.odooName === 'odoo.exceptions.AccessDenied') return { faultCode: 3, faultString: error.text };
    if (error.isUserError) return { faultCode: 2, faultString: error.text };
  }
  return { faultCode: 1, faultString: serializeException(error).debug };
}

/** String faultCode of the legacy `/xmlrpc/<service>` (xmlrpc_handle_exception_string). */
export function legacyXmlRpcFault(error: unknown): { faultCode: string; faultString: string } {
  if (error instanceof OdooError) {
    switch (error.odooName) {
      case 'odoo.exceptions.RedirectWarning':
        return { faultCode: `warning -- Warning\n\n${error.text}`, faultString: '' };
      case 'odoo.exceptions.MissingError':
        return { faultCode: `warning -- MissingError\n\n${error.text}`, faultString: '' };
      case 'odoo.exceptions.AccessError':
        return { faultCode: `warning -- AccessError\n\n${error.text}`, faultString: '' };
      case 'odoo.exceptions.AccessDenied':
        return { faultCode: 'AccessDenied', faultString: error.text };
      default:
        if (error.isUserError) return { faultCode: `warning -- UserError\n\n${error.text}`, faultString: '' };
    }
  }
  const data = serializeException(error);
  return { faultCode: data.message, faultString: data.debug };
}
