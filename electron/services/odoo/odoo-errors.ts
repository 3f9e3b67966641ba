/**
 * Everything that can go wrong talking to Odoo, as values a caller can act on: retry later
 * (transient), fix credentials, ask for rights, fix the data, or report a broken server.
 */
export type OdooErrorKind =
  | 'unavailable'
  | 'rate-limited'
  | 'auth-failed'
  | 'access-denied'
  | 'validation'
  | 'missing-record'
  | 'protocol'
  | 'server';

export interface OdooErrorDetails {
  /** Odoo's exception class, e.g. `odoo.exceptions.ValidationError`. */
  odooName?: string;
  /** Odoo's own message, kept word for word. */
  odooMessage?: string;
  /** What we were doing, e.g. `stock.picking.action_confirm`. */
  call?: string;
  retryAfterMs?: number;
  httpStatus?: number;
}

export class OdooError extends Error {
  readonly odooName?: string;
  readonly odooMessage?: string;
  readonly call?: string;
  readonly httpStatus?: number;
  /** How long the server asked us to wait (Retry-After on 429 and 503), when it said. */
  readonly retryAfterMs?: number;

  constructor(
    readonly kind: OdooErrorKind,
    message: string,
    details: OdooErrorDetails = {},
  ) {
    super(message);
    this.name = 'OdooError';
    this.odooName = details.odooName;
    this.odooMessage = details.odooMessage;
    this.call = details.call;
    this.httpStatus = details.httpStatus;
    this.retryAfterMs = details.retryAfterMs;
  }

  /** Worth trying again later without changing anything. */
  get transient(): boolean {
    return this.kind === 'unavailable' || this.kind === 'rate-limited';
  }
}

export class OdooUnavailableError extends OdooError {
  constructor(message: string, details: OdooErrorDetails = {}) {
    super('unavailable', message, details);
    this.name = 'OdooUnavailableError';
  }
}

export class OdooRateLimitedError extends OdooError {
  constructor(message: string, details: OdooErrorDetails = {}) {
    super('rate-limited', message, details);
    this.name = 'OdooRateLimitedError';
  }
}

export class OdooAuthError extends OdooError {
  constructor(message: string, details: OdooErrorDetails = {}) {
    super('auth-failed', message, details);
    this.name = 'OdooAuthError';
  }
}

export class OdooAccessError extends OdooError {
  constructor(message: string, details: OdooErrorDetails = {}) {
    super('access-denied', message, details);
    this.name = 'OdooAccessError';
  }
}

export class OdooValidationError extends OdooError {
  constructor(message: string, details: OdooErrorDetails = {}) {
    super('validation', message, details);
    this.name = 'OdooValidationError';
  }
}

export class OdooMissingRecordError extends OdooError {
  constructor(message: string, details: OdooErrorDetails = {}) {
    super('missing-record', message, details);
    this.name = 'OdooMissingRecordError';
  }
}

export class OdooProtocolError extends OdooError {
  constructor(message: string, details: OdooErrorDetails = {}) {
    super('protocol', message, details);
    this.name = 'OdooProtocolError';
  }
}

export class OdooServerError extends OdooError {
  constructor(message: string, details: OdooErrorDetails = {}) {
    super('server', message, details);
    this.name = 'OdooServerError';
  }
}
