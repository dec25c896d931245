/**
 * What the browser tests do on the page, as a user would: create a report, type into a cell by its
 * accessible name, load the example, import and export, and collect Content-Security-Policy
 * violations.
 */
import { readFile } from 'node:fs/promises'
import { expect } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'

export const cell = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true })

/** A part cell of the example (not a computed total) and its value in the example. */
export const NEW_NATURAL = '表三 一、本年新收政府信息公开申请数量 · 自然人'

export async function typeInto(page: Page, name: string, text: string) {
  await cell(page, name).click()
  await page.keyboard.type(text)
  await page.keyboard.press('Enter')
}

/** Fills the start page's report-info form and opens the new (empty) report. */
export async function createReport(page: Page) {
  await page.getByLabel('机关名称').fill('测试县人民政府办公室')
  await page.getByLabel('成文日期').fill('2026-01-15')
  await page.getByRole('button', { name: '开始编辑' }).click()
  await expect
    .poll(() => page.getByRole('heading', { level: 1 }).textContent())
    .toMatch(/^测试县人民政府办公室\d{4}年政府信息公开工作年度报告$/)
}

export async function loadExample(page: Page) {
  await page.getByRole('button', { name: '载入示例' }).click()
  await expect.poll(() => cell(page, NEW_NATURAL).count()).toBe(1)
}

declare global {
  interface Window {
    __cspViolations?: string[]
  }
}

/** From the next navigation on, the page records every CSP violation it reports. */
export async function recordCspViolations(context: BrowserContext) {
  await context.addInitScript(() => {
    window.__cspViolations = []
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations!.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}`),
    )
  })
}

export const cspViolations = (page: Page) => page.evaluate(() => window.__cspViolations ?? [])

/** The footer line with the app's version and whether it works offline. */
export const offlineStatus = (page: Page) => page.getByRole('status', { name: '版本与离线状态' })

/** Resolves once the service worker has precached everything (the status line says so). */
export async function waitUntilOfflineReady(page: Page) {
  await expect
    .poll(() => offlineStatus(page).textContent(), { timeout: 30_000 })
    .toContain('可离线使用')
}

/** 「导出 PDF」 → preview → 「下载 PDF」: the file's bytes. */
export async function exportPdf(page: Page): Promise<Buffer> {
  await page.getByRole('button', { name: '导出 PDF' }).click()
  const dialog = page.getByRole('dialog', { name: '导出 PDF' })
  await dialog.getByTitle('PDF 预览').waitFor({ timeout: 45_000 })
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: '下载 PDF' }).click(),
  ])
  const bytes = await readFile((await download.path())!)
  await dialog.getByRole('button', { name: '关闭' }).click()
  return bytes
}

/** 「导出 Excel」: the workbook's bytes. */
export async function exportExcel(page: Page): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出 Excel' }).click(),
  ])
  return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) }
}

/** 「导入」 a file through the real file input, then 「确认导入」 once the preview shows. */
export async function importAndConfirm(page: Page, file: { name: string; bytes: Buffer }) {
  await page.getByRole('button', { name: '导入', exact: true }).click()
  const dialog = page.getByRole('dialog')
  await dialog.locator('input[type=file]').setInputFiles({
    name: file.name,
    mimeType: 'application/octet-stream',
    buffer: file.bytes,
  })
  await dialog.getByRole('region', { name: '导入预览' }).waitFor({ timeout: 30_000 })
  await dialog.getByRole('button', { name: '确认导入' }).click()
  await expect.poll(() => dialog.isVisible()).toBe(false)
}

/** The 「校验结果」 panel. */
export const findingsPanel = (page: Page) => page.getByRole('complementary', { name: '校验结果' })

/** An open finding of the panel (its item, with its 「说明」 and 「规则说明」 buttons) by rule id. */
export const openFinding = (page: Page, ruleId: string) =>
  findingsPanel(page)
    .locator('.findings-list')
    .first()
    .getByRole('listitem')
    .filter({ hasText: ruleId })

/** 「说明」 on the first open finding of `ruleId`: writes `reason` and saves it. */
export async function explainFinding(page: Page, ruleId: string, reason: string) {
  const item = openFinding(page, ruleId).first()
  await item.getByRole('button', { name: '说明', exact: true }).click()
  await item.getByLabel('说明理由').fill(reason)
  await item.getByRole('button', { name: '保存说明' }).click()
}

/** The collapsed 「已说明」 group. */
export const explainedGroup = (page: Page) => findingsPanel(page).locator('details.explained-group')
