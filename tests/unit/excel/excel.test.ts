import * as XLSX from 'xlsx'
import { describe, expect, it } from 'vitest'
import { NOT_A_REPORT, type Report } from '../../../src/domain'
import { readBackup, backupFile } from '../../../src/io/backup'
import { EMPTY_FILE, UNREADABLE } from '../../../src/io/excel/limits'
import { readImportFile } from '../../../src/io/excel/read'
import { excelFileName, writeWorkbook } from '../../../src/io/excel/workbook'
import { largeReport } from '../../fixtures/large2021'
import { seedReport } from '../../fixtures/seed2020'
import { offset, table2, table3, table4, type Rows } from '../import/officialSheets'
import { encodeGbk } from './gbk'

type Merge = [r0: number, c0: number, r1: number, c1: number]

function xlsxOf(
  sheets: Record<string, { rows: Rows; merges?: Merge[] }>,
  bookType: XLSX.BookType = 'xlsx',
) {
  const book = XLSX.utils.book_new()
  for (const [name, { rows, merges = [] }] of Object.entries(sheets)) {
    const sheet = XLSX.utils.aoa_to_sheet(rows.map((r) => [...r]))
    sheet['!merges'] = merges.map(([r0, c0, r1, c1]) => ({
      s: { r: r0, c: c0 },
      e: { r: r1, c: c1 },
    }))
    XLSX.utils.book_append_sheet(book, sheet, name)
  }
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType }))
}

function ok(bytes: Uint8Array, name = 'x.xlsx') {
  const outcome = readImportFile(bytes, name)
  if (!outcome.ok) throw new Error(outcome.error)
  return outcome.result
}

const csv = (rows: Rows) =>
  rows
    .map((r) => r.map((t) => (/[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t)).join(','))
    .join('\r\n')

function withBlanks(): Report {
  const report = largeReport()
  report.cells['t3.withheld.stateSecret.research'] = null
  report.cells['t2.fees.amount'] = 0.0001
  report.narrative.problems = '=1+1 不是公式\n@提及\n\n  前后有空格  '
  report.narrative.other = ''
  report.meta.agencyName = '-示例市人民政府'
  delete report.meta.issuedOn
  return report
}

/** With two 「说明」, one of them starting like a formula. */
function withExplanations(): Report {
  const report = withBlanks()
  report.explanations = [
    {
      ruleId: 'T3-BLANK',
      cells: [['t3.withheld.stateSecret.research', null]],
      message: '表三尚有 1 格空白',
      reason: '=该栏确无数据，已核对台账',
      on: '2026-01-15',
    },
    {
      ruleId: 'N-APPS',
      section: 'overview',
      cells: [['t3.newReceived.total', 53]],
      message: '正文“全年共收到申请17件”称收到申请 17 件',
      reason: '笔误',
      on: '2026-01-16',
    },
  ]
  return report
}

describe('Excel export → import round trip', () => {
  it.each([
    ['2021 layout, every cell filled', largeReport],
    ['2019 layout (the seed)', seedReport],
    ['2021 layout with blanks, formula-like text and no date', withBlanks],
    ['2021 layout with 「说明」', withExplanations],
  ])('%s comes back byte for byte', (_, make) => {
    const report = make()
    const result = ok(writeWorkbook(report), excelFileName(report))
    expect(result.source).toBe('exact')
    expect(result.report).toStrictEqual(report)
  })

  it('still imports by labels when the data sheet was deleted', () => {
    const report = largeReport()
    const book = XLSX.read(writeWorkbook(report), { type: 'array' })
    book.SheetNames = book.SheetNames.filter((n) => n !== '数据')
    const result = ok(new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' })))
    expect(result.source).toBe('labels')
    expect(result.tables.map((t) => t.located)).toEqual([10, 175, 15])
    expect(result.cells).toEqual(report.cells)
    expect(result.narrative).toEqual(report.narrative)
    expect(result.year).toBe(2024)
    expect(result.meta).toEqual({ agencyName: '示例市人民政府' })
  })
})

describe('Excel export layout', () => {
  const report = withBlanks()
  const book = XLSX.read(writeWorkbook(report), { type: 'array', cellStyles: true })
  const at = (sheet: string, address: string) => book.Sheets[sheet]![address]

  it('names the file and the sheets', () => {
    expect(excelFileName(report)).toBe('-示例市人民政府2024年政府信息公开工作年度报告.xlsx')
    expect(excelFileName({ ...report, meta: { ...report.meta, agencyName: 'A/B:C' } })).toBe(
      'A_B_C2024年政府信息公开工作年度报告.xlsx',
    )
    expect(book.SheetNames).toEqual([
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '报告信息',
      '数据',
    ])
  })

  it('prints table 三 in the official layout with its merges and the 勾稽 note', () => {
    const sheet = book.Sheets['三、收到和处理政府信息公开申请情况']!
    expect(at('三、收到和处理政府信息公开申请情况', 'A2')?.v).toBe(
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    )
    expect(at('三、收到和处理政府信息公开申请情况', 'D2')?.v).toBe('申请人情况')
    expect(at('三、收到和处理政府信息公开申请情况', 'E3')?.v).toBe('法人或其他组织')
    expect(at('三、收到和处理政府信息公开申请情况', 'G4')?.v).toBe('社会公益组织')
    expect(at('三、收到和处理政府信息公开申请情况', 'A5')?.v).toBe(
      '一、本年新收政府信息公开申请数量',
    )
    expect(at('三、收到和处理政府信息公开申请情况', 'C9')?.v).toBe('1.属于国家秘密')
    // 一、本年新收 · 自然人 of the large fixture.
    expect(at('三、收到和处理政府信息公开申请情况', 'D5')?.v).toBe(5234)
    const merges = sheet['!merges']!.map((m) => XLSX.utils.encode_range(m))
    expect(merges).toEqual(
      expect.arrayContaining([
        'A1:J1',
        'A2:C4',
        'D2:J2',
        'E3:I3',
        'D3:D4',
        'J3:J4',
        'A5:C5',
        'A7:A28',
        'B9:B16',
      ]),
    )
    expect(sheet['!cols']).toHaveLength(10)
  })

  it('neutralises text that could run as a formula and writes no formulas', () => {
    expect(at('报告信息', 'B2')?.v).toBe("'-示例市人民政府")
    const texts = Object.values(book.Sheets).flatMap((s) =>
      Object.entries(s)
        .filter(([k]) => !k.startsWith('!'))
        .map(([, c]) => c as XLSX.CellObject),
    )
    expect(texts.some((c) => c.f)).toBe(false)
    expect(texts.filter((c) => typeof c.v === 'string' && /^[=+\-@]/.test(c.v))).toEqual([])
  })
})

describe('import fixtures built with SheetJS', () => {
  it('a colleague’s workbook: shifted tables, title rows, merged labels, extra columns', () => {
    const t3 = offset(table3(2021), 3, 1).map((r, i) => (i === 5 ? [...r, '', '备注'] : r))
    const bytes = xlsxOf({
      封面: { rows: [['某区教育局2023年政府信息公开工作年度报告']] },
      表二: { rows: offset(table2(2021), 2, 2), merges: [[2, 2, 2, 5]] },
      表三: {
        rows: [['三、收到和处理政府信息公开申请情况'], ...t3.slice(1)],
        // corner note merged over 3×3, 三、本年度办理结果 merged down its 22 rows.
        merges: [
          [3, 1, 5, 3],
          [8, 1, 29, 1],
          [3, 4, 3, 10],
        ],
      },
      表四: { rows: offset(table4(), 1, 0) },
    })
    const result = ok(bytes)
    expect(result.formatId).toBe('gov2021')
    expect(result.year).toBe(2023)
    expect(result.tables.map((t) => [t.sheet, t.located])).toEqual([
      ['表二', 10],
      ['表三', 175],
      ['表四', 15],
    ])
    expect(result.cells['t3.newReceived.naturalPerson']).toBe(1)
    expect(result.cells['t3.carriedOver.total']).toBe(175)
    expect(result.rejected).toEqual([])
  })

  it('a 2019-layout .xls with variant labels', () => {
    const t3 = table3(2019, String, '社会组织').map((r) =>
      r.map((t) => t.replace(/（/g, '(').replace(/）/g, ')')),
    )
    const result = ok(
      xlsxOf({ Sheet1: { rows: [...table2(2019), [], ...t3, [], ...table4()] } }, 'biff8'),
      'old.xls',
    )
    expect(result.formatId).toBe('gov2019')
    expect(result.tables.map((t) => t.located)).toEqual([22, 161, 15])
    expect(result.cells['t3.withheld.stateSecret.publicInterest']).toBe(32)
  })

  it('a GBK CSV (as Excel saves “CSV” on Chinese Windows)', () => {
    const rows = [
      ['某县民政局2022年政府信息公开工作年度报告'],
      ...table3(2021, (k) => (k === 1 ? '1,234' : '0')),
    ]
    const bytes = encodeGbk(csv(rows))
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow()
    const result = ok(bytes, 'gbk.csv')
    expect(result.year).toBe(2022)
    expect(result.meta).toEqual({ agencyName: '某县民政局' })
    expect(result.tables[1]!.located).toBe(175)
    expect(result.cells['t3.newReceived.naturalPerson']).toBe(1234)
  })

  it('a UTF-8 CSV with BOM keeps long numbers as written', () => {
    const rows = table4((k) => (k === 1 ? '12345678901234567' : '2'))
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csv(rows))])
    const result = ok(bytes, 'utf8.csv')
    expect(result.tables[2]!.located).toBe(15)
    expect(result.cells['t4.review.corrected']).toBe(2)
    expect(result.rejected.map((r) => [r.address, r.reason])).toEqual([
      [
        'Sheet1!A4',
        '“12345678901234567”过大：超过可精确计算的最大整数（9007199254740991），请核对',
      ],
    ])
  })

  it('a formula error cell is rejected with its code', () => {
    const bytes = xlsxOf({ 表四: { rows: table4(() => '0') } })
    const book = XLSX.read(bytes, { type: 'array' })
    book.Sheets['表四']!['B4'] = { t: 'e', v: 0x17 } // #REF!
    const written = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }))
    expect(ok(written).rejected).toEqual([
      {
        address: '表四!B4',
        cellId: 't4.review.corrected',
        cellName: '表四 行政复议 结果纠正',
        text: '#REF!',
        reason: '公式错误（#REF!）',
      },
    ])
  })

  it('a UTF-16 tab-separated file (Excel “Unicode 文本”)', () => {
    const text = table4((k) => String(k))
      .map((r) => r.join('\t'))
      .join('\r\n')
    const utf16 = new Uint8Array(2 + text.length * 2)
    utf16.set([0xff, 0xfe])
    for (let i = 0; i < text.length; i++) {
      utf16[2 + 2 * i] = text.charCodeAt(i) & 0xff
      utf16[3 + 2 * i] = text.charCodeAt(i) >> 8
    }
    const result = ok(utf16, 'table4.txt')
    expect(result.tables[2]!.located).toBe(15)
    expect(result.cells['t4.litigationAfterReview.total']).toBe(15)
  })

  it('a workbook with only table 三', () => {
    const result = ok(xlsxOf({ 申请: { rows: table3(2021) } }))
    expect(result.tables.map((t) => t.located)).toEqual([0, 175, 0])
  })

  it('a workbook that is not a report', () => {
    expect(
      readImportFile(
        xlsxOf({
          通讯录: {
            rows: [
              ['姓名', '电话'],
              ['张三', '123'],
            ],
          },
        }),
        'a.xlsx',
      ),
    ).toEqual({
      ok: false,
      error: NOT_A_REPORT,
    })
  })

  it('a corrupt zip, an empty file and a 25 MB file are refused with one sentence', () => {
    const good = writeWorkbook(seedReport())
    const corrupt = good.slice(0, 2000)
    expect(readImportFile(corrupt, 'broken.xlsx')).toEqual({ ok: false, error: UNREADABLE })
    expect(readImportFile(new Uint8Array(0), 'empty.xlsx')).toEqual({
      ok: false,
      error: EMPTY_FILE,
    })
    expect(readImportFile(new Uint8Array(25 * 1024 * 1024), 'big.xlsx')).toEqual({
      ok: false,
      error:
        '文件大小为 25.0 MB，超过 20 MB 的上限，没有读取。年度报告的表格通常不到 1 MB，请确认选择的文件是否正确。',
    })
  })
})

describe('JSON backup', () => {
  it('round-trips the draft', () => {
    const report = withBlanks()
    const { fileName, text } = backupFile(report)
    expect(fileName).toBe('-示例市人民政府2024年政府信息公开工作年度报告（备份）.json')
    const outcome = readBackup(text)
    expect(outcome.ok && outcome.result.report).toStrictEqual(report)
    const viaFile = readImportFile(new TextEncoder().encode(text), fileName)
    expect(viaFile.ok && viaFile.result.report).toEqual(report)
  })

  it('refuses broken or foreign JSON', () => {
    expect(readBackup('{"type": "nianbao-report", ')).toEqual({
      ok: false,
      error: '这个 JSON 文件已损坏或不完整，无法读取。',
    })
    expect(readBackup('{"a": 1}')).toEqual({ ok: false, error: '这不是本工具保存的年报数据。' })
  })
})
