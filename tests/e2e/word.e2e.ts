/**
 * Word and the web in the built app: 「导出 Word」 → the .docx back through 「导入」 and
 * 「导入上年报告」; 「导出网页」 a standalone page; 「复制网页版」 onto the clipboard and pasted
 * into the 「粘贴网页内容」 box; hostile text stays text all the way.
 */
import { readFile } from 'node:fs/promises'
import { afterEach, expect, inject, test } from 'vitest'
import type { Page } from 'playwright-core'
import { openApp, type OpenedPage } from './browser'
import { cell, createReport, loadExample, NEW_NATURAL } from './actions'

let app: OpenedPage | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

/** The example's 表三 一、本年新收 · 自然人 (src/domain/samples/example.ts). */
const EXAMPLE_NEW_NATURAL = '38'

async function download(page: Page, button: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ])
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) }
}

async function pick(page: Page, file: { name: string; bytes: Buffer }, button: string) {
  await page.getByRole('button', { name: button, exact: true }).click()
  const dialog = page.getByRole('dialog')
  await dialog.locator('input[type=file]').setInputFiles({
    name: file.name,
    mimeType: 'application/octet-stream',
    buffer: file.bytes,
  })
  return dialog
}

test('导出 Word, then the .docx through 导入 and 导入上年报告', async () => {
  app = await openApp(inject('baseURL'))
  const { page } = app
  await loadExample(page)
  const docx = await download(page, '导出 Word')
  expect(docx.name).toBe('示例县市场监督管理局2025年政府信息公开工作年度报告.docx')
  expect(docx.bytes.subarray(0, 2).toString('latin1')).toBe('PK')

  await page.getByRole('button', { name: '新建' }).click()
  await createReport(page)
  const dialog = await pick(page, docx, '导入')
  const preview = dialog.getByRole('region', { name: '导入预览' })
  await expect.poll(() => preview.textContent()).toContain('表三：识别 175 / 175 格')
  expect(await preview.textContent()).toContain('表二：识别 10 / 10 格')
  expect(await preview.textContent()).toContain('“一、总体情况”的文字将被替换。')
  await app.screenshot('word-import-preview')
  await dialog.getByRole('button', { name: '确认导入' }).click()
  await expect.poll(() => cell(page, NEW_NATURAL).inputValue()).toBe(EXAMPLE_NEW_NATURAL)
  await page.getByRole('button', { name: '撤销' }).click()
  await expect.poll(() => cell(page, NEW_NATURAL).inputValue()).toBe('')

  const last = await pick(page, docx, '导入上年报告')
  await expect.poll(() => last.textContent()).toContain('2025')
  await expect.poll(() => last.textContent()).toContain('只读保存在草稿旁')
  await last.getByRole('button', { name: '设为上年报告' }).click()
  const td = page.locator('td', { has: cell(page, NEW_NATURAL) })
  await expect.poll(() => td.getAttribute('title')).toContain(`上年数：${EXAMPLE_NEW_NATURAL}`)
  expect(app.pageErrors).toEqual([])
  expect(app.foreignRequests()).toEqual([])
})

test('导出网页 and 复制网页版, pasted back into 粘贴网页内容; markup stays text', async () => {
  app = await openApp(inject('baseURL'))
  const { page, context } = app
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await loadExample(page)
  const hostile = '<img src=x onerror="window.__pwned=1">'
  const overview = page.getByRole('textbox', { name: /一、总体情况/ }).first()
  await overview.fill(`${hostile}本段用于测试。`)

  const web = await download(page, '导出网页')
  expect(web.name).toBe('示例县市场监督管理局2025年政府信息公开工作年度报告.html')
  const html = web.bytes.toString('utf8')
  expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/)
  expect(html).not.toMatch(/<script|<img/i)
  expect(html).toContain('&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;')

  await page.getByRole('button', { name: '复制网页版' }).click()
  await expect
    .poll(() => page.getByRole('toolbar', { name: '常用操作' }).textContent())
    .toContain('已复制网页版')
  const copied = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read()
    return {
      types: item!.types,
      html: await (await item!.getType('text/html')).text(),
      text: await (await item!.getType('text/plain')).text(),
    }
  })
  expect(copied.types).toEqual(expect.arrayContaining(['text/html', 'text/plain']))
  expect(copied.html).toContain('rowspan="22"')
  expect(copied.text).toContain('一、总体情况')

  await page.getByRole('button', { name: '新建' }).click()
  await createReport(page)
  await page.getByRole('button', { name: '导入', exact: true }).click()
  const dialog = page.getByRole('dialog')
  const box = dialog.getByRole('textbox', { name: '粘贴网页内容' })
  await box.focus()
  // What a browser's paste delivers: the copied HTML as clipboard data.
  await box.evaluate((el, pasted) => {
    const data = new DataTransfer()
    data.setData('text/html', pasted.html)
    data.setData('text/plain', pasted.text)
    el.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    )
  }, copied)
  const preview = dialog.getByRole('region', { name: '导入预览' })
  await expect.poll(() => preview.textContent()).toContain('表三：识别 175 / 175 格')
  await app.screenshot('web-paste-preview')
  await dialog.getByRole('button', { name: '确认导入' }).click()
  await expect.poll(() => cell(page, NEW_NATURAL).inputValue()).toBe(EXAMPLE_NEW_NATURAL)
  const restored = page.getByRole('textbox', { name: /一、总体情况/ }).first()
  expect(await restored.inputValue()).toContain(hostile)
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined()
  expect(await page.locator('img[src="x"]').count()).toBe(0)
  expect(app.pageErrors).toEqual([])
  expect(app.foreignRequests()).toEqual([])
})
