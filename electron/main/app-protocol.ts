import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { contentSecurityPolicy } from '../headless/content-security-policy';
import { RENDERER_CONTENT_TYPES } from '../app/renderer-files';

/**
 * The renderer is served from its own privileged scheme, not file://: file:// pages get extra
 * privileges (reading any other file:// URL) that the grantFileProtocolExtraPrivileges fuse takes
 * away, and a custom scheme lets every response carry the Content-Security-Policy header.
 */
export const APP_SCHEME = 'planner';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const RENDERER_URL = `${APP_ORIGIN}/index.html`;

export interface CustomSchemeLike {
  scheme: string;
  privileges: { standard: boolean; secure: boolean; supportFetchAPI: boolean; corsEnabled: boolean; bypassCSP: boolean; allowServiceWorkers: boolean; stream: boolean };
}

/** The parts of Electron's `protocol` we use, so tests can hand in a stand-in. */
export interface ProtocolLike {
  registerSchemesAsPrivileged(schemes: CustomSchemeLike[]): void;
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}

/** Must run before the app is ready. Standard and secure like https, but never allowed to bypass the CSP. */
export function registerAppScheme(protocol: ProtocolLike): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, bypassCSP: false, allowServiceWorkers: false, stream: false },
    },
  ]);
}


export function appResponseHeaders(): Record<string, string> {
  return { 'Content-Security-Policy': contentSecurityPolicy(null), 'X-Content-Type-Options': 'nosniff', 'Cross-Origin-Opener-Policy': 'same-origin' };
}

/** Answers one request for the built renderer; anything outside its folder, or not on `planner://app`, does not exist. */
export function rendererResponse(rendererDir: string, request: Pick<Request, 'url' | 'method'>): Response {
  const headers = appResponseHeaders();
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405, headers });
  let url: URL;
  let pathname: string;
  try {
    url = new URL(request.url);
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return new Response(null, { status: 400, headers });
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== 'app') return new Response(null, { status: 404, headers });
  const root = resolve(rendererDir);
  const relative = pathname === '/' ? 'index.html' : normalize(pathname).replace(/^([/\\])+/, '');
  const file = join(root, relative);
  if (!file.startsWith(root + sep)) return new Response(null, { status: 404, headers });
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
    return new Response(request.method === 'HEAD' ? null : readFileSync(file), { status: 200, headers: { ...headers, 'Content-Type': RENDERER_CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' } });
  } catch {
    return new Response(null, { status: 404, headers });
  }
}

export function serveAppProtocol(protocol: ProtocolLike, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => rendererResponse(rendererDir, request));
}
