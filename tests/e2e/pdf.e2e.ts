/**
 * 「导出 PDF」 in Chromium: progress, preview, download; the file's text read back with poppler's
 * pdftotext and page images kept in test-results/ (pdf-example-p1.png …) to look at.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterEach, expect, inject, test } from 'vitest'
import { openApp, type OpenedPage } from './browser'
import { loadExample, NEW_NATURAL, typeInto } from './actions'

const resultsDir = fileURLToPath(new URL('../../test-results/', import.meta.url))
const DRAFT_MARK = '草稿·校验未通过'

let app: OpenedPage | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

/** Clicks 「导出 PDF」, waits for the preview, downloads; returns the file and the time taken. */
async function exportFromToolbar(opened: OpenedPage, name: string) {
  const { page } = opened
  const started = Date.now()
  await page.getByRole('button', { name: '导出 PDF' }).click()
  const dialog = page.getByRole('dialog', { name: '导出 PDF' })
  await expect.poll(() => dialog.isVisible()).toBe(true)
  await dialog.getByTitle('PDF 预览').waitFor({ timeout: 45_000 })
  const previewMs = Date.now() - started
  const summary = (await dialog.getByText('已生成').textContent()) ?? ''
  const exportSeconds = Number(summary.match(/用时\s*([\d.]+)\s*秒/)?.[1])
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: '下载 PDF' }).click(),
  ])
  mkdirSync(resultsDir, { recursive: true })
  const path = `${resultsDir}${name}.pdf`
  await download.saveAs(path)
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' })
  return {
    dialog,
    path,
    bytes: readFileSync(path),
    text,
    previewMs,
    exportSeconds,
    fileName: download.suggestedFilename(),
  }
}

const pageImage = (path: string, name: string, pageNumber: number) =>
  execFileSync('pdftoppm', [
    '-r',
    '80',
    '-png',
    '-singlefile',
    '-f',
    String(pageNumber),
    '-l',
    String(pageNumber),
    path,
    `${resultsDir}${name}`,
  ])

test('exports the example as a clean, real-text PDF with the official tables', async () => {
  app = await openApp(inject('baseURL'))
  await loadExample(app.page)
  const pdf = await exportFromToolbar(app, 'pdf-example')
  console.log(`example cold: export ${pdf.exportSeconds} s, preview ${pdf.previewMs} ms`)

  expect(pdf.fileName).toBe('示例县市场监督管理局2025年政府信息公开工作年度报告.pdf')
  expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-')
  expect(pdf.bytes.length).toBeGreaterThan(60_000)
  expect(pdf.bytes.length).toBeLessThan(300_000)
  const text = pdf.text.replace(/\s/g, '')
  for (const expected of [
    '示例县市场监督管理局',
    '2025年政府信息公开工作年度报告',
    '一、总体情况',
    '三、收到和处理政府信息公开申请情况',
    '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    '本年收费金额（单位：万元）',
    '5.要求行政机关确认或重新出具已获取信息',
    '2026年1月20日',
    '—1—',
  ]) {
    expect(text, expected).toContain(expected)
  }
  expect(text).not.toContain(DRAFT_MARK)
  expect(pdf.exportSeconds).toBeGreaterThan(0)
  await app.screenshot('pdf-dialog')

  // Warm: fonts, HarfBuzz and jsPDF are loaded; a second export only lays out and writes.
  await pdf.dialog.getByRole('button', { name: '关闭' }).click()
  const again = await exportFromToolbar(app, 'pdf-example-again')
  console.log(`example warm: export ${again.exportSeconds} s, preview ${again.previewMs} ms`)
  expect(again.text).toBe(pdf.text)

  pageImage(pdf.path, 'pdf-example-p1', 1)
  pageImage(pdf.path, 'pdf-example-p3', 3)
  expect(app.pageErrors).toEqual([])
  // The preview is Chromium's own PDF viewer, which loads its chrome:// resources.
  const viewer = /^chrome(-extension)?:/
  expect(app.foreignRequests().filter((url) => !viewer.test(url))).toEqual([])
  // The fonts and HarfBuzz came from the app's own origin, only when exporting.
  expect(app.requests.some((url) => url.endsWith('/fonts/NotoSerifSC-Regular.ttf'))).toBe(true)
  expect(app.requests.some((url) => url.endsWith('-full.ttf'))).toBe(false)
}, 90_000)

test('with an error open the dialog lists it first and every page carries the draft mark', async () => {
  app = await openApp(inject('baseURL'))
  await loadExample(app.page)
  await typeInto(app.page, NEW_NATURAL, '999') // breaks the row total and the 勾稽关系 of 表三
  const pdf = await exportFromToolbar(app, 'pdf-draft')
  await expect.poll(() => pdf.dialog.getByLabel('未解决的错误').isVisible()).toBe(true)
  const pages = pdf.text.split('\f').filter((p) => p.trim())
  expect(pages.length).toBeGreaterThan(3)
  for (const page of pages) expect(page).toContain(DRAFT_MARK)
  pageImage(pdf.path, 'pdf-draft-p1', 1)
}, 90_000)
