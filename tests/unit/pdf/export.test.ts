import { beforeAll, describe, expect, test } from 'vitest'
import type { Finding, Report } from '../../../src/domain'
import { exampleReport } from '../../../src/domain/samples/example'
import { DRAFT_MARK, exportPdf, MISSING_MARK, type PdfExportResult } from '../../../src/io/pdf'
import { CLOSING } from '../../../src/io/pdf/lineBreak'
import { seedReport } from '../../fixtures/seed2020'
import { HEADINGS } from '../domain/handTyped'
import { printedLabels, table2, table3, table4 } from '../import/officialSheets'
import { extractText, fromDisk, gb2312Hanzi, longReport, type PdfText } from './helpers'

// Labels typed by hand from format.md (shared with the import tests, not read from the format data).
const labelsOnly = () => ''
const T2_2021 = printedLabels(table2(2021, labelsOnly))
const T2_2019 = printedLabels(table2(2019, labelsOnly))
const T3_COMMON = printedLabels(table3(2019, labelsOnly))
const T3_SIX_2021 = printedLabels(table3(2021, labelsOnly)).filter((l) => !T3_COMMON.includes(l))
const T4 = printedLabels(table4(labelsOnly))

const openError: Finding = {
  ruleId: 'T3-BALANCE',
  severity: 'error',
  cells: ['t3.newReceived.total'],
  message: '表三勾稽关系不符',
  basis: '表三说明',
}
const warning: Finding = { ...openError, severity: 'warning' }

const noSpace = (text: string) => text.replace(/\s/g, '')
const numbers = (pdf: PdfText) => pdf.items.map((i) => i.str).filter((s) => /^\d+(\.\d+)?$/.test(s))
const count = (pdf: PdfText, text: string) => pdf.items.filter((i) => i.str === text).length

async function exported(report: Report, findings: Finding[] = []) {
  const result = await exportPdf(report, { ...fromDisk, findings })
  if (!result.ok) throw new Error(`missing ${result.missing.map((m) => m.char).join('')}`)
  return { result, pdf: await extractText(result.bytes) }
}

function expectWellSet(pdf: PdfText, report: Report) {
  const joined = noSpace(pdf.joined)
  for (const heading of HEADINGS) expect(count(pdf, heading), heading).toBe(1)
  for (const label of [...T3_COMMON, ...T4]) {
    expect(joined, label).toContain(label)
  }
  // Every paragraph survives whole, full-width punctuation included.
  for (const text of Object.values(report.narrative)) {
    for (const paragraph of text.split('\n').filter((p) => p.trim())) {
      expect(joined).toContain(noSpace(paragraph))
    }
  }
  for (const item of pdf.items) {
    expect(CLOSING.has(item.str[0]!), `line starts with closing punctuation: ${item.str}`).toBe(
      false,
    )
  }
}

describe('the built-in example (2021 layout)', () => {
  let result: Extract<PdfExportResult, { ok: true }>
  let pdf: PdfText
  const report = exampleReport()
  beforeAll(async () => ({ result, pdf } = await exported(report)), 60_000)

  test('prints the title, headings, every label and paragraph; no line starts with ，。', () => {
    expect(pdf.items[0]!.str + pdf.items[1]!.str).toBe(
      '示例县市场监督管理局2025年政府信息公开工作年度报告',
    )
    expectWellSet(pdf, report)
    const joined = noSpace(pdf.joined)
    for (const label of [...T2_2021, ...T3_SIX_2021]) expect(joined, label).toContain(label)
  })

  test('prints every number of the tables in the format’s order', () => {
    // Hand-typed from src/domain/samples/example.ts: table 二, then table 三's first two rows.
    const values = numbers(pdf)
    expect(values.slice(0, 9)).toEqual(['0', '0', '0', '3', '2', '17', '2486', '312', '45'])
    expect(values[9]).toBe('6.84')
    expect(values.slice(10, 24)).toEqual([
      '38',
      '9',
      '0',
      '1',
      '3',
      '2',
      '53',
      '3',
      '1',
      '0',
      '0',
      '0',
      '0',
      '4',
    ])
    // 10 cells in table 二, 25 × 7 in table 三, 15 in table 四: none blank in the example.
    expect(values).toHaveLength(10 + 175 + 15)
  })

  test('ends with the body’s name and date, right of centre; numbers pages — n —', () => {
    const name = pdf.items.filter((i) => i.str === '示例县市场监督管理局').at(-1)!
    const date = pdf.items.find((i) => i.str === '2026年1月20日')!
    expect(name.page).toBe(date.page)
    expect(date.y).toBeLessThan(name.y)
    expect(date.x).toBeGreaterThan(300) // points from the left edge of a 595-point page
    // GB/T 9704: never a page with the signature alone — the last lines of text come along.
    const lastLine = pdf.items[pdf.items.indexOf(name) - 1]!
    expect(lastLine.page).toBe(name.page)
    expect(report.narrative.other.endsWith(lastLine.str)).toBe(true)
    for (let n = 1; n <= pdf.pages; n++) expect(count(pdf, `— ${n} —`)).toBe(1)
  })

  test('has the document properties and compressed, embedded fonts; no draft mark', () => {
    expect(pdf.info.Title).toBe('示例县市场监督管理局2025年政府信息公开工作年度报告')
    expect(pdf.info.Author).toBe('示例县市场监督管理局')
    const raw = new TextDecoder('latin1').decode(result.bytes)
    expect(raw).toContain('/Lang (zh-CN)')
    expect(raw).toContain('/FlateDecode')
    expect(result.bytes.length).toBeLessThan(300_000)
    expect(result.draft).toBe(false)
    expect(count(pdf, DRAFT_MARK)).toBe(0)
  })
})

test('the seed report prints in the 2019 layout as faithfully', async () => {
  const report = seedReport()
  const { pdf } = await exported(report)
  expect(pdf.items[0]!.str + (pdf.items[1]?.str ?? '')).toContain(
    '乐清市新居民服务中心2020年政府信息公开工作年度报告',
  )
  expectWellSet(pdf, report)
  const joined = noSpace(pdf.joined)
  for (const label of T2_2019) {
    expect(joined, label).toContain(label)
  }
  for (const label of T3_SIX_2021) expect(joined).not.toContain(label)
  // 2019: 6 rows × 3 + 2 rows × 2 cells in table 二, 23 rows × 7 in table 三, 15 in table 四.
  expect(numbers(pdf)).toEqual(Array(22 + 161 + 15).fill('0'))
  expect(pdf.items.some((i) => i.str === '2021年1月5日')).toBe(true)
})

test('blank cells stay blank: no invented 0', async () => {
  const report = exampleReport()
  report.cells['t2.regulations.issued'] = null
  report.cells['t4.review.upheld'] = null
  const { pdf } = await exported(report)
  const values = numbers(pdf)
  expect(values).toHaveLength(10 + 175 + 15 - 2)
  expect(values.slice(0, 2)).toEqual(['0', '0']) // 规章: 本年废止件数, 现行有效件数
})

test('an open error puts the draft mark on every page; a warning does not', async () => {
  const draft = await exported(exampleReport(), [warning, openError])
  expect(draft.result.draft).toBe(true)
  for (let n = 1; n <= draft.pdf.pages; n++) {
    expect(draft.pdf.items.filter((i) => i.page === n && i.str === DRAFT_MARK).length).toBe(2)
  }
  const clean = await exported(exampleReport(), [warning])
  expect(clean.result.draft).toBe(false)
  expect(count(clean.pdf, DRAFT_MARK)).toBe(0)
}, 60_000)

test('2,000 distinct characters of narrative print in full, kinsoku respected', async () => {
  const report = longReport()
  const { result, pdf } = await exported(report)
  expect(result.bytes.length).toBeLessThan(1_500_000)
  expectWellSet(pdf, report)
  const joined = noSpace(pdf.joined)
  for (const char of gb2312Hanzi(2000)) expect(joined).toContain(char)
}, 60_000)

describe('characters outside the GB2312 subset', () => {
  test('a rare character loads the full font and is not dropped', async () => {
    const report = exampleReport()
    report.narrative.problems += '\n朱镕基同志曾强调政务公开。'
    const { result, pdf } = await exported(report)
    expect(result.usedFullFont).toBe(true)
    expect(noSpace(pdf.joined)).toContain('朱镕基同志曾强调政务公开。')
  }, 60_000)

  test('a character no font has is reported with where it is, before anything is exported', async () => {
    const report = exampleReport()
    report.narrative.overview = '第一段。\n吉字异体𠮷见于人名。'
    const result = await exportPdf(report, fromDisk)
    expect(result).toEqual({
      ok: false,
      missing: [{ char: '𠮷', codePoint: 'U+20BB7', where: ['“一、总体情况”第2段'] }],
    })
    const replaced = await exportPdf(report, { ...fromDisk, replaceMissing: true })
    if (!replaced.ok) throw new Error('not exported')
    expect(replaced.replaced.map((m) => m.char)).toEqual(['𠮷'])
    expect(noSpace((await extractText(replaced.bytes)).joined)).toContain(
      `吉字异体${MISSING_MARK}见于人名。`,
    )
  }, 60_000)
})

describe('printed like the others (GB/T 9704, printed reports)', () => {
  const MM = 72 / 25.4
  const pageText = (pdf: PdfText, page: number) =>
    noSpace(
      pdf.items
        .filter((i) => i.page === page)
        .map((i) => i.str)
        .join(''),
    )
  const pagesWith = (pdf: PdfText, text: string) =>
    Array.from({ length: pdf.pages }, (_, n) => n + 1).filter((n) =>
      pageText(pdf, n).includes(text),
    )

  test.each([
    ['the example', exampleReport],
    ['the seed', seedReport],
  ])(
    '%s: tables start under their headings and no page is left a quarter empty',
    async (_, make) => {
      const { pdf } = await exported(make())
      for (const [heading, firstLabel] of [
        ['三、收到和处理政府信息公开申请情况', '申请人情况'],
        ['四、政府信息公开行政复议、行政诉讼情况', '行政复议'],
      ] as const) {
        const at = pdf.items.find((i) => i.str === heading)!
        const label = pdf.items.find((i) => i.str === firstLabel && i.page >= at.page)!
        expect(label.page, heading).toBe(at.page)
        expect(label.y).toBeLessThan(at.y)
      }
      // A merged label that does not fit what is left of the page does not push the table on.
      const firstRow = pdf.items.find((i) => i.str === '一、本年新收政府信息公开申请数量')!
      expect(pdf.items.find((i) => i.str === '（一）予以公开')!.page).toBe(firstRow.page)
      // The text area ends 35 mm above the bottom edge and is 225 mm tall.
      for (let n = 1; n < pdf.pages; n++) {
        const lowest = Math.min(
          ...pdf.items.filter((i) => i.page === n && !/^— \d+ —$/.test(i.str)).map((i) => i.y),
        )
        expect(lowest, `page ${n}`).toBeLessThan((35 + 225 / 4) * MM)
      }
    },
  )

  test('a merged row label running over a page is printed on both pages', async () => {
    const { pdf } = await exported(exampleReport())
    expect(pagesWith(pdf, '三、本年度办理结果').length).toBe(2)
    // Its columns' header rows come again on the second page.
    const [first, second] = pagesWith(pdf, '三、本年度办理结果')
    expect(pageText(pdf, second!)).toContain('申请人情况')
    expect(second).toBe(first! + 1)
  })

  test('page numbers sit on the outer side, one character in; numbers are centred', async () => {
    const { pdf } = await exported(exampleReport())
    expect(pdf.pages).toBeGreaterThan(2)
    for (let n = 1; n <= pdf.pages; n++) {
      const number = pdf.items.find((i) => i.str === `— ${n} —`)!
      // 4号 = 14 pt: one character in from the margin (left 28 mm, right 26 mm).
      if (n % 2 === 0) expect(number.x).toBeCloseTo(28 * MM + 14, 0)
      else expect(number.x).toBeGreaterThan(595 / 2)
    }
    // Table 四's values sit in equal columns: centred, a one-digit number starts in the middle.
    const heading = pdf.items.find((i) => i.str === '四、政府信息公开行政复议、行政诉讼情况')!
    const values = pdf.items.filter(
      (i) => i.page === heading.page && i.y < heading.y && /^\d$/.test(i.str),
    )
    expect(values).toHaveLength(15)
    const column = (156 * MM) / 15
    values.forEach((v, k) => {
      const centre = 28 * MM + column * (k + 0.5)
      expect(Math.abs(v.x + 2.6 - centre), `value ${k + 1}`).toBeLessThan(1)
    })
  })
})
