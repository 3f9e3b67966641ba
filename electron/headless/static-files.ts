import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { RENDERER_CONTENT_TYPES } from '../app/renderer-files';


/** Serves the built renderer read-only; anything outside its folder does not exist. */
export function serveRenderer(rendererDir: string, securityHeaders: Record<string, string>) {
  const root = resolve(rendererDir);
  return (request: IncomingMessage, response: ServerResponse): void => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD', ...securityHeaders }).end();
      return;
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      response.writeHead(400, securityHeaders).end();
      return;
    }
    const relative = pathname === '/' ? 'index.html' : normalize(pathname).replace(/^([/\\])+/, '');
    const file = join(root, relative);
    if (!file.startsWith(root + sep) && file !== root) {
      response.writeHead(404, securityHeaders).end();
      return;
    }
    let size: number;
    try {
      const stats = statSync(file);
      if (!stats.isFile()) throw new Error('not a file');
      size = stats.size;
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders }).end('Not found');
      return;
    }
    response.writeHead(200, {
      'Content-Type': RENDERER_CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': size,
      // Files under assets/ are named by their content hash: a browser may keep them for good.
      'Cache-Control': relative === 'index.html' ? 'no-store' : /^assets[\\/]/.test(relative) ? 'max-age=31536000, immutable' : 'max-age=3600',
      ...securityHeaders,
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  };
}
