// The renderer's Content-Security-Policy (sent as a header by the app:// protocol; index.html
// carries the same policy as a meta tag, minus frame-ancestors which only works as a header) and the link allowlist, shared by the app:// protocol,
// the window policy and the test harness so they can never drift apart.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  // The renderer does no networking at all: every request goes through main.
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

export const APP_SCHEME = 'app';
export const APP_HOST = 'trunkdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Links the app may open in the system browser; everything else is refused. */
const EXTERNAL_ALLOWLIST = ['https://vobiz.ai/', 'https://docs.vobiz.ai/', 'https://console.vobiz.ai/'];

export function isAllowedExternalUrl(url: string): boolean {
  return EXTERNAL_ALLOWLIST.some((prefix) => url.startsWith(prefix));
}
