// The renderer's Content-Security-Policy, one definition for both shells: the Electron window (header and
// the page's meta tag) and the browser host's responses. No eval, no remote code, no inline scripts.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // AG Grid sets inline styles on cells as it lays them out.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
