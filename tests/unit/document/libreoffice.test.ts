/**
 * Our .docx opened by another word processor: LibreOffice converts it to PDF and `pdftotext`
 * must show every printed label and every number of the example, tables in reading order.
 * Needs `soffice` and `pdftotext` (installed by .ci/run).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  exampleReport,
  formatCellValue,
  formatOf,
  recomputeTotals,
  tableLayout,
  type Report,
} from '../../../src/domain'
import { writeDocx } from '../../../src/io/word/docx'
import { convertToPdf } from '../libreoffice'

const work = mkdtempSync(join(tmpdir(), 'nianbao-lo-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

async function printedText(report: Report): Promise<string> {
  const docx = join(work, 'report.docx')
  writeFileSync(docx, await writeDocx(report))
  const pdf = convertToPdf(docx, work, { timeout: 150_000, stdio: 'ignore' })
  expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' })
}

/**
 * True when `label` is printed: as one run of text, or — a narrow table cell wraps, and
 * pdftotext gives the first lines of all cells of a row before their second lines — its
 * characters in order within one row's worth of text (how a label wraps depends on the CJK
 * font LibreOffice finds on the machine).
 */
function printed(text: string, label: string): boolean {
  const flat = text.replace(/\s+/g, '')
  const want = label.replace(/\s+/g, '')
  if (flat.includes(want)) return true
  for (let start = flat.indexOf(want[0]!); start >= 0; start = flat.indexOf(want[0]!, start + 1)) {
    let i = 0
    let end = start
    while (end < flat.length && i < want.length && end - start <= want.length + ROW_TEXT) {
      if (flat[end] === want[i]) i++
      end++
    }
    if (i === want.length) return true
  }
  return false
}

/** The most text pdftotext puts between two lines of one wrapped cell: the rest of its row. */
const ROW_TEXT = 80

/** `expected` occurs in `tokens` in this order (other numbers, e.g. `1.` of labels, between). */
function inOrder(tokens: readonly string[], expected: readonly string[]): number {
  let i = 0
  for (const token of tokens) if (token === expected[i]) i++
  return i
}

// LibreOffice's first start in a fresh profile takes a while on a busy 2-core machine.
describe('the .docx in LibreOffice', { timeout: 180_000 }, () => {
  it('prints every label and every number of the example', async () => {
    const report = exampleReport()
    const text = await printedText(report)
    const format = formatOf(report)
    const cells = recomputeTotals(report)

    expect(printed(text, '示例县市场监督管理局2025年政府信息公开工作年度报告')).toBe(true)
    for (const section of format.sections) {
      expect(printed(text, section.heading), section.heading).toBe(true)
      if (section.kind !== 'table') continue
      const layout = tableLayout(section.table)
      const labels = layout.rows.flatMap((r) => r.cells.filter((c) => c.text).map((c) => c.text))
      for (const label of labels) expect(printed(text, label), label).toBe(true)
      const numbers = layout.rows.flatMap((r) =>
        r.cells.flatMap((c) => (c.cellId ? [formatCellValue(cells[c.cellId])] : [])),
      )
      const from = text.indexOf(section.heading.slice(0, 6))
      const tokens = text.slice(from).match(/\d+(?:\.\d+)?/g) ?? []
      expect(inOrder(tokens, numbers), `${section.table.shortName} numbers in order`).toBe(
        numbers.length,
      )
    }
    for (const paragraph of report.narrative.other.split('\n').filter(Boolean)) {
      expect(printed(text, paragraph)).toBe(true)
    }
    expect(printed(text, '2026年1月20日')).toBe(true)
    // Page numbers 「— 1 —」 (pdftotext drops the spaces beside the dashes).
    expect(text).toMatch(/—\s?1\s?—/)
    expect(text).toMatch(/—\s?2\s?—/)
  })
})
