/**
 * The renderer's Content-Security-Policy. Sent as a header by the headless host and installed
 * for every response in Electron. AG Grid themes inject <style> elements at run time, hence
 * 'unsafe-inline' for styles only; scripts come from the app itself and nowhere else.
 */
export function contentSecurityPolicy(socketOrigin: string | null): string {
  const connect = ["'self'", ...(socketOrigin ? [socketOrigin] : [])].join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${connect}`,
    "worker-src 'self' blob:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
