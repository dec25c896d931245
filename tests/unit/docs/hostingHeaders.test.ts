import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { securityHeaders } from '../../../scripts/security-headers'

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8')

test('the README gives nginx, IIS and Apache exactly the headers derived from index.html', () => {
  const headers = securityHeaders(read('index.html'))
  expect(headers['content-security-policy']).toMatch(
    /^default-src 'self';.*; frame-ancestors 'self'$/,
  )
  expect(headers['content-security-policy']).toContain("worker-src 'self'")
  const readme = read('README.md')
  const names = {
    'content-security-policy': 'Content-Security-Policy',
    'x-content-type-options': 'X-Content-Type-Options',
    'referrer-policy': 'Referrer-Policy',
  } as const
  for (const [key, name] of Object.entries(names)) {
    const value = headers[key]!
    expect(readme).toContain(`add_header ${name} "${value}" always;`)
    expect(readme).toContain(`<add name="${name}" value="${value}" />`)
    expect(readme).toContain(`Header always set ${name} "${value}"`)
  }
})
