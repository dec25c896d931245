/**
 * Import in real Chromium against the production build: a colleague's workbook through the real
 * file input, the preview, confirm, the numbers in the table and the findings, undo; a file that is
 * not a report changes nothing; last year's report gives 上年数 and the cross-year check.
 */
import * as XLSX from 'xlsx'
import { readFile } from 'node:fs/promises'
import { afterEach, expect, inject, test } from 'vitest'
import type { Page } from 'playwright-core'
import { openApp, type OpenedPage } from './browser'
import { cell, createReport, NEW_NATURAL, typeInto } from './actions'
import { table3 } from '../unit/import/officialSheets'

let app: OpenedPage | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const CARRIED_IN_NATURAL = '表三 二、上年结转政府信息公开申请数量 · 自然人'
const findings = (page: Page) => page.getByRole('complementary', { name: '校验结果' })

function workbook(rows: string[][]): Buffer {
  const book = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), '表三')
  return Buffer.from(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }))
}

async function pick(page: Page, name: string, buffer: Buffer, button = '导入') {
  await page.getByRole('button', { name: button, exact: true }).click()
  const dialog = page.getByRole('dialog')
  await dialog.locator('input[type=file]').setInputFiles({
    name,
    mimeType: 'application/octet-stream',
    buffer,
  })
  return dialog
}

test('import a workbook: preview, confirm, numbers and findings, undo', async () => {
  app = await openApp(inject('baseURL'))
  const { page } = app
  await createReport(page)

  // 一、本年新收 · 自然人 5 (总计 5), everything else 0: the 勾稽 balance fails for 自然人.
  const rows = table3(2021, (k) => (k === 1 || k === 7 ? '5' : '0')).map((r) => [...r])
  const dialog = await pick(page, '同事的表三.xlsx', workbook(rows))
  const preview = dialog.getByRole('region', { name: '导入预览' })
  await expect.poll(() => preview.textContent()).toContain('表三：识别 175 / 175 格')
  expect(await preview.textContent()).toContain('表二：文件中没有找到')
  expect(await preview.textContent()).toContain('表三：175 个单元格将改变。')
  // Nothing changed before confirming.
  expect(await cell(page, NEW_NATURAL).inputValue()).toBe('')
  await app.screenshot('import-preview')

  await dialog.getByRole('button', { name: '确认导入' }).click()
  await expect.poll(() => cell(page, NEW_NATURAL).inputValue()).toBe('5')
  const balance = findings(page)
    .getByRole('button')
    .filter({ hasText: 'T3-BALANCE' })
    .filter({ hasText: '“自然人”列' })
  await expect.poll(() => balance.count()).toBe(1)

  await page.getByRole('button', { name: '撤销' }).click()
  await expect.poll(() => cell(page, NEW_NATURAL).inputValue()).toBe('')
  await expect.poll(() => balance.count()).toBe(0)
  expect(app.pageErrors).toEqual([])
  expect(app.foreignRequests()).toEqual([])
})

test('a file that is not a report gets one sentence and changes nothing', async () => {
  app = await openApp(inject('baseURL'))
  const { page } = app
  await createReport(page)
  await typeInto(page, NEW_NATURAL, '3')

  const dialog = await pick(
    page,
    '通讯录.xlsx',
    workbook([
      ['姓名', '电话'],
      ['张三', '123'],
    ]),
  )
  await expect
    .poll(() => dialog.getByRole('alert').textContent())
    .toContain('没有在文件中找到年度报告的表格')
  expect(await dialog.getByRole('button', { name: '确认导入' }).count()).toBe(0)
  await dialog.getByRole('button', { name: '取消' }).click()
  expect(await cell(page, NEW_NATURAL).inputValue()).toBe('3')
  expect(app.pageErrors).toEqual([])
})

test('last year’s report: 上年数 on the cell and the cross-year carry check', async () => {
  app = await openApp(inject('baseURL'))
  const { page } = app
  await createReport(page)

  // Last year's 四、结转下年度继续办理 · 自然人 is 3 (row 25, first column: k = 24·7 + 1).
  const rows = table3(2021, (k) => (k === 169 || k === 175 ? '3' : '0')).map((r) => [...r])
  const dialog = await pick(page, '上年报告.xlsx', workbook(rows), '导入上年报告')
  expect(await dialog.getByRole('heading', { level: 2 }).textContent()).toBe('导入上年报告')
  await expect.poll(() => dialog.textContent()).toContain('只读保存在草稿旁')
  await app.screenshot('import-last-year')
  await dialog.getByRole('button', { name: '设为上年报告' }).click()

  const td = page.locator('td', { has: cell(page, CARRIED_IN_NATURAL) })
  await expect.poll(() => td.getAttribute('title')).toContain('上年数：0')
  const newTd = page.locator('td', { has: cell(page, '表三 四、结转下年度继续办理 · 自然人') })
  expect(await newTd.getAttribute('title')).toContain('上年数：3')

  await typeInto(page, CARRIED_IN_NATURAL, '2')
  const carry = findings(page).getByRole('button').filter({ hasText: 'X-CARRY' })
  await expect.poll(() => carry.count()).toBe(1)
  expect(app.pageErrors).toEqual([])
})

test('export Excel and JSON, then import them back exactly', async () => {
  app = await openApp(inject('baseURL'))
  const { page } = app
  await createReport(page)
  await typeInto(page, NEW_NATURAL, '7')

  const excel = page.waitForEvent('download')
  await page.getByRole('button', { name: '导出 Excel' }).click()
  const download = await excel
  expect(download.suggestedFilename()).toMatch(
    /^测试县人民政府办公室\d{4}年政府信息公开工作年度报告\.xlsx$/,
  )
  const exported = await readFile((await download.path())!)

  await page.getByRole('button', { name: '导入', exact: true }).click()
  const json = page.waitForEvent('download')
  await page.getByRole('dialog').getByRole('button', { name: '下载当前草稿的 JSON 备份' }).click()
  const backup = await readFile((await (await json).path())!)
  expect(JSON.parse(backup.toString('utf8')).cells['t3.newReceived.naturalPerson']).toBe(7)
  await page.getByRole('dialog').getByRole('button', { name: '取消' }).click()

  // Change the cell, then bring the exported workbook back: the 7 returns, as one undo step.
  await typeInto(page, NEW_NATURAL, '9')
  const dialog = await pick(page, download.suggestedFilename(), exported)
  const preview = dialog.getByRole('region', { name: '导入预览' })
  await expect.poll(() => preview.textContent()).toContain('本工具保存的数据（精确导入）')
  expect(await preview.textContent()).toContain('表三：2 个单元格将改变。')
  await dialog.getByRole('button', { name: '确认导入' }).click()
  await expect.poll(() => cell(page, NEW_NATURAL).inputValue()).toBe('7')
  await page.getByRole('button', { name: '撤销' }).click()
  await expect.poll(() => cell(page, NEW_NATURAL).inputValue()).toBe('9')

  const again = await pick(page, 'backup.json', backup)
  await expect
    .poll(() => again.getByRole('region', { name: '导入预览' }).textContent())
    .toContain('本工具保存的数据（精确导入）')
  await again.getByRole('button', { name: '确认导入' }).click()
  await expect.poll(() => cell(page, NEW_NATURAL).inputValue()).toBe('7')
  expect(app.pageErrors).toEqual([])
  expect(app.foreignRequests()).toEqual([])
})

test('a workbook with only a title: 类别 and 层级 inferred from the name, asked where unclear', async () => {
  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 911, height: 512 },
  ]) {
    app = await openApp(inject('baseURL'), { viewport })
    const { page } = app
    const rows = [
      ['示例市人民政府2024年政府信息公开工作年度报告'],
      [],
      ...table3(2021, (k) => (k === 1 || k === 7 ? '5' : '0')).map((r) => [...r]),
    ]
    const dialog = await pick(page, '示例市年报.xlsx', workbook(rows))
    const agency = dialog.getByRole('group', { name: '报告信息' })
    await expect.poll(() => agency.count()).toBe(1)
    expect(await agency.getByLabel('机关名称').inputValue()).toBe('示例市人民政府')
    expect(await agency.getByLabel('机关类别').inputValue()).toBe('government')
    // 示例市: 设区的市 or 县级市, the name cannot tell: the level is asked.
    expect(await agency.getByLabel('层级').inputValue()).toBe('')
    expect(await agency.textContent()).toContain('由名称推断，请确认')
    expect(await agency.textContent()).toContain('名称无法判断层级')
    await app.screenshot(`import-agency-${viewport.width}`)
    await app.close()
    app = undefined
  }

  app = await openApp(inject('baseURL'))
  const { page } = app
  const rows = [
    ['示例市人民政府2024年政府信息公开工作年度报告'],
    [],
    ...table3(2021, () => '0').map((r) => [...r]),
  ]
  const dialog = await pick(page, '示例市年报.xlsx', workbook(rows))
  await dialog.getByLabel('层级').selectOption('prefecture')
  await dialog.getByRole('button', { name: '确认导入' }).click()
  await expect
    .poll(() => page.getByRole('heading', { level: 1 }).textContent())
    .toBe('示例市人民政府2024年政府信息公开工作年度报告')
  // Tables 二 and 四 were not in the file: progress, not blank warnings.
  await expect.poll(() => page.getByText('未填写', { exact: true }).count()).toBe(2)
  expect(await findings(page).textContent()).not.toContain('T2-BLANK')
  await app.screenshot('import-agency-confirmed')
  expect(app.pageErrors).toEqual([])
})

test('carry-over fills the open draft of that year instead of a second draft', async () => {
  app = await openApp(inject('baseURL'))
  const { page } = app
  await createReport(page)
  await typeInto(page, NEW_NATURAL, '4')

  // Last year's 四、结转下年度继续办理 · 自然人 is 3 (row 25, first column: k = 24·7 + 1).
  const rows = table3(2021, (k) => (k === 169 || k === 175 ? '3' : '0')).map((r) => [...r])
  const dialog = await pick(page, '上年报告.xlsx', workbook(rows), '导入上年报告')
  await expect
    .poll(() => dialog.textContent())
    .toContain('草稿中已填的其他数字、文字和成文日期保持不变')
  expect(await dialog.getByRole('button', { name: '以上年报告开始新年度' }).count()).toBe(0)
  await dialog.getByRole('button', { name: /^填入当前的 \d{4} 年草稿$/ }).click()

  await expect.poll(() => cell(page, CARRIED_IN_NATURAL).inputValue()).toBe('3')
  expect(await cell(page, NEW_NATURAL).inputValue()).toBe('4')
  expect(await page.getByText('成文日期：2026-01-15').count()).toBe(1)
  await page.getByRole('button', { name: '撤销' }).click()
  await expect.poll(() => cell(page, CARRIED_IN_NATURAL).inputValue()).toBe('')
  expect(app.pageErrors).toEqual([])
})
