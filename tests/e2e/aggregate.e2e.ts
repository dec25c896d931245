/**
 * 汇总 in real Chromium against the production build: 20 generated unit files (our Excel exports,
 * JSON backups, official-layout workbooks typed by a colleague, a corrupt file and a contact
 * list) through the real file input; the units table with the two bad ones and their reasons;
 * the region's draft with sums computed here by hand from the generator's figures; 「核对汇总」.
 */
import * as XLSX from 'xlsx'
import { mkdirSync } from 'node:fs'
import { afterEach, expect, inject, test } from 'vitest'
import type { Page } from 'playwright-core'
import { gov2021, listCells, type Report } from '../../src/domain'
import { backupFile } from '../../src/io/backup'
import { writeWorkbook } from '../../src/io/excel/workbook'
import { unitFigures, unitReport } from '../fixtures/units'
import { table2, table3, table4 } from '../unit/import/officialSheets'
import { launchBrowser, openApp, type OpenedPage } from './browser'
import { cell, typeInto } from './actions'

let app: OpenedPage | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

interface UnitFile {
  name: string
  mimeType: string
  buffer: Buffer
}

const xlsxFile = (name: string, rows: string[][]): UnitFile => {
  const book = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), '年报')
  return {
    name,
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' })),
  }
}

/** A colleague's sheet: title, then the three tables as printed, values from the report. */
function officialLayout(report: Report): string[][] {
  const valuesOf = (table: 't2' | 't3' | 't4') => {
    const ids = listCells(gov2021)
      .filter((c) => c.tableKey === table)
      .map((c) => c.id)
    return (k: number) => String(report.cells[ids[k - 1]!] ?? '')
  }
  return [
    [`${report.meta.agencyName}${report.meta.year}年政府信息公开工作年度报告`],
    ...table2(2021, valuesOf('t2')),
    ...table3(2021, valuesOf('t3')),
    ...table4(valuesOf('t4')),
  ].map((r) => [...r])
}

/** Units 1…18 in three kinds of file, then the two bad ones. */
function unitFiles(): UnitFile[] {
  const files: UnitFile[] = []
  for (let i = 1; i <= 18; i++) {
    const report = unitReport(i)
    if (i % 6 === 0) {
      const { fileName, text } = backupFile(report)
      files.push({ name: fileName, mimeType: 'application/json', buffer: Buffer.from(text) })
    } else if (i % 6 === 1) {
      files.push(xlsxFile(`第${i}单位（同事填写）.xlsx`, officialLayout(report)))
    } else {
      files.push({
        name: `示例县第${i}单位.xlsx`,
        mimeType: 'application/octet-stream',
        buffer: Buffer.from(writeWorkbook(report)),
      })
    }
  }
  files.push({
    name: '乙镇年报（损坏）.xlsx',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, 1, 2, 3, 4, 5]),
  })
  files.push(
    xlsxFile('通讯录.xlsx', [
      ['姓名', '电话'],
      ['张三', '13800000000'],
    ]),
  )
  return files
}

/** Sums of the generator's figures over units 1…18, by plain arithmetic. */
function expectedSums() {
  const sum = (pick: (f: ReturnType<typeof unitFigures>) => number) => {
    let total = 0
    for (let i = 1; i <= 18; i++) total += pick(unitFigures(i))
    return total
  }
  return {
    licensing: sum((f) => f.licensing),
    inForce: sum((f) => f.inForce),
    fees: sum((f) => f.fees),
    natural: sum((f) => f.natural),
    received: sum((f) => f.natural + f.business),
    business: sum((f) => f.business),
    reviewUpheld: sum((f) => f.reviewUpheld),
  }
}

async function openAggregation(page: Page) {
  await page.getByRole('button', { name: '汇总', exact: true }).click()
  const view = page.getByRole('dialog', { name: '汇总各单位年度报告' })
  await view.waitFor()
  return view
}

test('20 unit files: two bad ones listed with reasons, the region draft holds the sums', async () => {
  app = await openApp(inject('baseURL'))
  const { page } = app
  const view = await openAggregation(page)
  await view.locator('input[type=file]').setInputFiles(unitFiles())
  await expect
    .poll(() => view.getByRole('status').first().textContent(), { timeout: 30_000 })
    .toContain('读取完成 20/20')

  const rows = view.locator('tbody tr')
  await expect.poll(() => rows.count()).toBe(20)
  const broken = rows.filter({ hasText: '乙镇年报（损坏）.xlsx' })
  expect(await broken.textContent()).toContain('无法识别')
  expect(await broken.textContent()).toContain('无法读取这个文件：它已损坏')
  const contacts = rows.filter({ hasText: '通讯录.xlsx' })
  expect(await contacts.textContent()).toContain('无法识别')
  expect(await contacts.textContent()).toContain('没有在文件中找到年度报告的表格')
  expect(await rows.filter({ hasText: '可汇总' }).count()).toBe(18)
  expect(await view.getByRole('checkbox', { checked: true }).count()).toBe(18)
  // A colleague's sheet: its name comes from the title, its format from its tables.
  const colleague = rows.filter({ hasText: '第7单位（同事填写）.xlsx' })
  expect(await colleague.textContent()).toContain('示例县第7单位')
  expect(await colleague.textContent()).toContain('2024')

  // A unit's findings on click.
  await view.getByRole('button', { name: '示例县第2单位', exact: true }).click()
  const detail = view.getByRole('complementary', { name: '单位详情与汇总问题' })
  await expect.poll(() => detail.textContent()).toContain('校验结果（')
  await app.screenshot('aggregate-view')

  await view.getByLabel('汇总报告的机关名称').fill('示例县人民政府')
  await view.getByRole('button', { name: '用汇总数新建报告' }).click()
  await expect.poll(() => view.isVisible()).toBe(false)
  await expect
    .poll(() => page.getByRole('heading', { level: 1 }).textContent())
    .toBe('示例县人民政府2024年政府信息公开工作年度报告')

  const sums = expectedSums()
  const value = (name: string) => cell(page, name).inputValue()
  expect(await value('表二 行政许可 · 本年处理决定数量')).toBe(String(sums.licensing))
  expect(await value('表二 行政规范性文件 · 现行有效件数')).toBe(String(sums.inForce))
  expect(await value('表二 行政事业性收费 · 本年收费金额（单位：万元）')).toBe(String(sums.fees))
  expect(await value('表三 一、本年新收政府信息公开申请数量 · 自然人')).toBe(String(sums.natural))
  expect(await value('表三 一、本年新收政府信息公开申请数量 · 总计')).toBe(String(sums.received))
  expect(await value('表三 三、本年度办理结果 （一）予以公开 · 商业企业')).toBe(
    String(sums.business),
  )
  expect(await value('表四 行政复议 结果维持')).toBe(String(sums.reviewUpheld))
  expect(await page.locator('main').getByText('统计口径：本行政区域汇总').count()).toBe(1)

  // 「核对汇总」: change one cell of the region's draft; the check lists that cell and the total
  // computed from it, nothing else.
  await typeInto(page, '表四 行政复议 结果维持', String(sums.reviewUpheld + 2))
  const again = await openAggregation(page)
  await again.getByRole('button', { name: '核对汇总' }).click()
  const check = again.getByRole('region', { name: '核对结果' })
  await expect.poll(() => check.textContent()).toContain('2 处与所选单位之和不一致')
  expect(await check.textContent()).toContain(
    `X-AGG 表四 行政复议 结果维持：本报告填 ${sums.reviewUpheld + 2}，18 个单位合计 ${sums.reviewUpheld}，相差 2`,
  )
  expect(await check.textContent()).toContain(
    `X-AGG 表四 行政复议 总计：本报告填 ${sums.reviewUpheld + 2}，18 个单位合计 ${sums.reviewUpheld}，相差 2`,
  )
  expect(app.pageErrors).toEqual([])
  expect(app.foreignRequests()).toEqual([])
})

test('the view at 150 % zoom (911×512 at device scale 1.5)', async () => {
  const browser = await launchBrowser()
  try {
    const context = await browser.newContext({
      viewport: { width: 911, height: 512 },
      deviceScaleFactor: 1.5,
      locale: 'zh-CN',
    })
    const page = await context.newPage()
    await page.goto(inject('baseURL'))
    const view = await openAggregation(page)
    await view.locator('input[type=file]').setInputFiles(unitFiles())
    await expect
      .poll(() => view.getByRole('status').first().textContent(), { timeout: 30_000 })
      .toContain('读取完成 20/20')
    // Every action stays reachable at this size.
    for (const name of ['用汇总数新建报告', '导出明细', '核对汇总', '关闭']) {
      await view.getByRole('button', { name }).scrollIntoViewIfNeeded()
      expect(await view.getByRole('button', { name }).isVisible()).toBe(true)
    }
    mkdirSync('test-results', { recursive: true })
    await page.screenshot({ path: 'test-results/aggregate-view-150.png' })
  } finally {
    await browser.close()
  }
})

test('files dropped on the view are read like chosen ones', async () => {
  app = await openApp(inject('baseURL'))
  const { page } = app
  const view = await openAggregation(page)
  const dropped = [unitFiles()[5]!, unitFiles()[18]!].map((f) => ({
    name: f.name,
    bytes: [...f.buffer],
  }))
  const dataTransfer = await page.evaluateHandle((files) => {
    const transfer = new DataTransfer()
    for (const f of files) transfer.items.add(new File([new Uint8Array(f.bytes)], f.name))
    return transfer
  }, dropped)
  const area = view.getByRole('region', { name: '选择或拖入文件' })
  await area.dispatchEvent('dragenter', { dataTransfer })
  await area.dispatchEvent('drop', { dataTransfer })
  await expect
    .poll(() => view.getByRole('status').first().textContent(), { timeout: 30_000 })
    .toContain('读取完成 2/2')
  const rows = view.locator('tbody tr')
  expect(await rows.count()).toBe(2)
  expect(await rows.nth(0).textContent()).toContain('示例县第6单位')
  expect(await rows.nth(0).textContent()).toContain('可汇总')
  expect(await rows.nth(1).textContent()).toContain('无法识别')
  expect(app.pageErrors).toEqual([])
})
