/**
 * Word in headless Chromium against the production build (the goals: export of the
 * example ≤ 300 ms warm, .docx import ≤ 300 ms): 「导出 Word」 from the click to the download, the
 * first time (the `docx` chunk loads) and warm; the exported .docx through 「导入」 from choosing
 * the file to the preview (worker start, unzip, parse, locate).
 */
import { readFile } from 'node:fs/promises'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, it } from 'vitest'
import { launchBrowser } from '../tests/e2e/browser'
import { loadExample } from '../tests/e2e/actions'
import { median, record } from './record'
import { serveBuiltApp } from './servedApp'

const RUNS = 7

const app = serveBuiltApp()
let browser: Browser
let url: string
beforeAll(async () => {
  url = app.url()
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

async function exportWord(page: Page): Promise<{ ms: number; bytes: Buffer }> {
  const start = performance.now()
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出 Word' }).click(),
  ])
  const ms = performance.now() - start
  return { ms, bytes: await readFile((await download.path())!) }
}

async function importDocx(page: Page, bytes: Buffer): Promise<number> {
  await page.getByRole('button', { name: '导入', exact: true }).click()
  const dialog = page.getByRole('dialog')
  const start = performance.now()
  await dialog.locator('input[type=file]').setInputFiles({
    name: 'report.docx',
    mimeType: 'application/octet-stream',
    buffer: bytes,
  })
  await dialog.getByRole('region', { name: '导入预览' }).waitFor()
  const ms = performance.now() - start
  await dialog.getByRole('button', { name: '取消' }).click()
  return ms
}

it('Word export and .docx import in headless Chromium', async () => {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    serviceWorkers: 'block',
    acceptDownloads: true,
  })
  const page = await context.newPage()
  await page.goto(url)
  await loadExample(page)
  const first = await exportWord(page)
  const warm: number[] = []
  for (let i = 0; i < RUNS; i++) warm.push((await exportWord(page)).ms)
  const imports: number[] = []
  for (let i = 0; i < RUNS; i++) imports.push(await importDocx(page, first.bytes))
  await context.close()

  record(
    'Word in Chromium, first export, example',
    first.ms,
    'ms',
    'docx chunk loaded on the click',
  )
  record(
    `Word in Chromium, warm export, example (median of ${RUNS})`,
    median(warm),
    'ms',
    `click to download; ${(first.bytes.byteLength / 1024).toFixed(0)} KB`,
  )
  record(
    `Word in Chromium, .docx import of the example (median of ${RUNS})`,
    median(imports),
    'ms',
    'file chosen to preview shown; worker start, unzip, parse, locate',
  )
})
