import { describe, expect, it } from 'vitest'
import {
  exampleReport,
  planImport,
  recomputeTotals,
  type ImportResult,
  type Report,
} from '../../../src/domain'
import { readImportFile } from '../../../src/io/excel/read'
import { standaloneHtml, reportHtmlFragment } from '../../../src/io/web/reportHtml'
import { writeDocx } from '../../../src/io/word/docx'
import { largeReport } from '../../fixtures/large2021'
import { seedReport } from '../../fixtures/seed2020'

function read(bytes: Uint8Array, name: string): ImportResult {
  const outcome = readImportFile(bytes, name)
  if (!outcome.ok) throw new Error(outcome.error)
  return outcome.result
}

/** What a Word file or web page says of a report: every cell, every section, the printed meta. */
function printed(report: Report) {
  return {
    formatId: report.formatId,
    agencyName: report.meta.agencyName,
    year: report.meta.year,
    issuedOn: report.meta.issuedOn,
    cells: recomputeTotals(report),
    narrative: report.narrative,
  }
}

const hostile = (): Report => {
  const report = exampleReport()
  report.meta.agencyName = '示例县<b>市场</b>监督管理局'
  report.narrative.problems = `<img src=x onerror="alert(1)">问题一。\n\n<script>alert('x')</script>&amp; &nbsp; 改进二。`
  return report
}

const reports: [string, () => Report][] = [
  ['the example', exampleReport],
  ['the large 2021 fixture', largeReport],
  ['the 2020 seed (2019 layout)', seedReport],
  ['a report with markup in its texts', hostile],
]

describe.each(reports)('%s', { timeout: 30_000 }, (_, make) => {
  it('.docx export → import is the same report', async () => {
    const report = make()
    const result = read(await writeDocx(report), 'x.docx')
    expect(result.rejected).toEqual([])
    expect(result.warnings).toEqual([])
    expect(printed(planImport(result, null).report)).toEqual(printed(report))
  })

  it('.html export → import is the same report', () => {
    const report = make()
    const result = read(new TextEncoder().encode(standaloneHtml(report)), 'x.html')
    expect(result.rejected).toEqual([])
    expect(printed(planImport(result, null).report)).toEqual(printed(report))
  })

  it('the copied fragment reads as the same report', () => {
    const report = make()
    const result = read(new TextEncoder().encode(reportHtmlFragment(report)), '粘贴的网页内容.html')
    expect(printed(planImport(result, null).report)).toEqual(printed(report))
  })
})

describe('the standalone page', () => {
  it('is a complete zh-CN document with styles inline only: no script, no style block, no obsolete table attributes', () => {
    const html = standaloneHtml(exampleReport())
    expect(
      html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">'),
    ).toBe(true)
    expect(html).toContain('<title>示例县市场监督管理局2025年政府信息公开工作年度报告</title>')
    expect(html).not.toMatch(/<script|<style|<link|cellspacing|cellpadding|\sborder=|\son[a-z]+=/i)
    // Three tables, each cell bordered, table 三's merged labels as in the layout.
    expect(html.match(/<table /g)).toHaveLength(3)
    expect(html).toContain('rowspan="22"')
    expect(html).toContain('colspan="7"')
    expect(html.trimEnd().endsWith('</html>')).toBe(true)
  })
})

describe('hostile text stays text', () => {
  it('is escaped in the web page: no tag or attribute from the report appears as markup', () => {
    const html = standaloneHtml(hostile())
    expect(html).not.toMatch(/<img|<script|<b>/)
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;')
    expect(html).toContain('&amp;amp; &amp;nbsp;')
  })
})
