import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { chunkText, TEXT_CHUNK, type Report } from '../../../src/domain'
import { exampleReport } from '../../../src/domain/samples/example'
import { readImportFile } from '../../../src/io/excel/read'
import { writeWorkbook } from '../../../src/io/excel/workbook'
import { escapeCellText } from '../../../src/io/excel/xlsxWriter'
import { largeReport } from '../../fixtures/large2021'

const TSUCHI = '𠮷' // U+20BB7: two UTF-16 units

function reimported(report: Report): Report {
  const outcome = readImportFile(writeWorkbook(report), 'x.xlsx')
  if (!outcome.ok) throw new Error(outcome.error)
  expect(outcome.result.source).toBe('exact')
  return outcome.result.report!
}

function parts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(
    Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]),
  )
}

describe('Excel text', () => {
  it('chunks never split a surrogate pair', () => {
    // 𠮷 straddles the boundary: the first chunk stops before it.
    expect(chunkText(`ab${TSUCHI}c`, 3)).toEqual(['ab', `${TSUCHI}c`])
    expect(chunkText(`abc${TSUCHI}`, 3)).toEqual(['abc', TSUCHI])
    expect(chunkText('', 3)).toEqual([''])
    expect(chunkText('abcdef', 3)).toEqual(['abc', 'def'])
  })

  it('a section with 𠮷 at every chunk boundary comes back exactly', () => {
    // Each 𠮷 starts one unit before a multiple of TEXT_CHUNK, so a cut by units would split it.
    const unit = 'x'.repeat(TEXT_CHUNK - 1)
    const text = Array.from({ length: 4 }, () => unit + TSUCHI).join('') + '尾'
    expect(text.length).toBe(4 * (TEXT_CHUNK + 1) + 1)
    const report = exampleReport()
    report.narrative.overview = text
    report.narrative.other = `${TSUCHI}`.repeat(TEXT_CHUNK) // every boundary inside a pair
    const back = reimported(report)
    expect(back.narrative.overview).toBe(text)
    expect(back.narrative.other).toBe(report.narrative.other)
    expect(back).toStrictEqual(report)
  })

  it('lone surrogates, literal _xHHHH_ escapes, controls and markup round-trip exactly', () => {
    const report = largeReport()
    report.narrative.overview = '孤立\uD842高位、\uDFB7低位、尾\uD842'
    report.narrative.problems = '_x0041_ 和 _x005F_ 与 _X00e9_，以及 _x12_ 不是转义'
    report.narrative.other = '<b>&amp;</b> 制表\t换行\n响铃\u0007 结束\uFFFE'
    report.meta.agencyName = '示例_x0020_局'
    expect(reimported(report)).toStrictEqual(report)
  })

  it('escapes only what XML or a reader would change', () => {
    expect(escapeCellText('_x0041_')).toBe('_x005F_x0041_')
    expect(escapeCellText('a_b _x12_')).toBe('a_b _x12_')
    expect(escapeCellText('\uD842')).toBe('_xD842_')
    expect(escapeCellText(TSUCHI)).toBe(TSUCHI)
    expect(escapeCellText('<&>')).toBe('&lt;&amp;&gt;')
  })
})

describe('Excel that prints', () => {
  const report = exampleReport()
  const files = parts(writeWorkbook(report))
  const sheet = (n: number) => files[`xl/worksheets/sheet${n}.xml`]!

  it('puts every table position in a bordered style and keeps numbers as numbers', () => {
    const styles = files['xl/styles.xml']!
    const xfs = [...styles.matchAll(/<xf [^>]*borderId="(\d)"[^>]*xfId/g)].map((m) => m[1])
    // Table 三 (sheet 2): rows 2 to the end are the table, 10 columns wide, every one styled.
    const rows = [...sheet(2).matchAll(/<row r="(\d+)"[^>]*>(.*?)<\/row>/g)]
    expect(rows.length).toBe(1 + 3 + 25)
    for (const [, r, body] of rows.slice(1)) {
      const cells = [...body!.matchAll(/<c r="([A-Z]+)\d+" s="(\d+)"/g)]
      expect(
        cells.map((c) => c[1]),
        `row ${r}`,
      ).toEqual('ABCDEFGHIJ'.split(''))
      for (const [, , s] of cells) expect(xfs[Number(s)], `row ${r}`).toBe('1')
    }
    // 一、本年新收 · 自然人 = 38 in the example, as a number cell.
    expect(sheet(2)).toMatch(/<c r="D5" s="\d+"><v>38<\/v><\/c>/)
  })

  it('wraps and centres labels; rows are tall enough for every merged label', () => {
    const styles = files['xl/styles.xml']!
    expect(styles).toContain('<alignment horizontal="center" vertical="center" wrapText="1"/>')
    const heights = [...sheet(2).matchAll(/<row r="(\d+)" ht="([\d.]+)" customHeight="1"/g)]
    expect(heights.length).toBe(29)
    // 三、本年度办理结果 (A7:A28) is one character wide: 9 characters need 9 lines and more.
    const covered = heights.slice(6, 28).reduce((h, m) => h + Number(m[2]), 0)
    expect(covered).toBeGreaterThan(9 * 10.5)
    expect(sheet(2)).toContain('<mergeCell ref="A7:A28"/>')
  })

  it('prints on A4, one page wide, with the header rows repeated', () => {
    for (const n of [1, 2, 3, 4]) {
      expect(sheet(n)).toContain('<pageSetUpPr fitToPage="1"/>')
      expect(sheet(n)).toContain(
        '<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0"/>',
      )
    }
    expect(files['xl/workbook.xml']).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="1">'三、收到和处理政府信息公开申请情况'!$2:$4</definedName>`,
    )
    // The data sheet is for re-import, not for print.
    expect(files['xl/workbook.xml']).toMatch(/<sheet name="数据" sheetId="5" state="hidden"/)
  })
})
