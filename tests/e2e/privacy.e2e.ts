/**
 * Zero network beyond the app's own origin, under the strict Content-Security-Policy: a full
 * run-through (load, example, edit, hostile narrative, import, export PDF and Excel) records every
 * request; none goes anywhere else, no policy violation is reported, no injected markup runs.
 */
import { afterEach, expect, inject, test } from 'vitest'
import { LOCAL_URL, openApp, type OpenedPage } from './browser'
import {
  cell,
  cspViolations,
  exportExcel,
  exportPdf,
  importAndConfirm,
  loadExample,
  NEW_NATURAL,
  recordCspViolations,
  typeInto,
} from './actions'

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

  // (Characters the PDF font lacks would ask the user first: print plain text.)
  await page.getByRole('textbox', { name: '一、总体情况' }).fill('本年度政府信息公开工作有序开展。')

  // The heavy parts: both exports, and re-importing the exported workbook (parsed in a worker).
  const pdf = await exportPdf(page)
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
  const excel = await exportExcel(page)
  await typeInto(page, NEW_NATURAL, '61')
  await importAndConfirm(page, excel)
  expect(await cell(page, NEW_NATURAL).inputValue()).toBe('60')

  await page.waitForLoadState('networkidle')
  const loaded = app.requests.join('\n')
  for (const part of ['.wasm', '.ttf', 'worker']) expect(loaded).toContain(part)
  expect(app.foreignRequests()).toEqual([])
  expect(app.requests.filter((url) => !LOCAL_URL.test(url) && !url.startsWith(baseURL))).toEqual([])
  expect(await cspViolations(page)).toEqual([])
  expect(app.pageErrors, app.pageErrors.join()).toEqual([])
})
