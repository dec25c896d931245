/**
 * The response headers a server should send with the app (README: nginx, IIS, Apache; the e2e
 * server sends them). The policy is index.html's own, as a header: a <meta> policy governs
 * neither the Excel worker (a worker takes the policy delivered with its script) nor who may
 * frame the page, so the header adds `frame-ancestors 'self'`.
 */
export function securityHeaders(indexHtml: string): Record<string, string> {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(indexHtml)
  if (!meta) throw new Error('index.html has no Content-Security-Policy')
  return {
    'content-security-policy': `${meta[1]}; frame-ancestors 'self'`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  }
}
