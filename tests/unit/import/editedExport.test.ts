/**
 * Our own Excel export, edited afterwards as a colleague would in Excel/WPS (here with SheetJS):
 * the printed tables and the 「报告信息」 texts win over the 「数据」 sheet, and the preview lists
 * every change; an unedited export still comes back exactly.
 */
import * as XLSX from 'xlsx'
import { describe, expect, it } from 'vitest'
import {
  formats,
  planImport,
  sectionHeading,
  tableLayout,
  tableOf,
  type ImportResult,
} from '../../../src/domain'
import { exampleReport } from '../../../src/domain/samples/example'
import { readImportFile } from '../../../src/io/excel/read'
import { ownExport } from '../../corpus/builders'

const format = formats.gov2021
const NATURAL = 't3.newReceived.naturalPerson'
const NATURAL_NAME = '表三 一、本年新收政府信息公开申请数量 · 自然人'
const NEW_TOTAL = 't3.newReceived.total'
const BUSINESS = 't3.newReceived.business'
const T3_SHEET = '三、收到和处理政府信息公开申请情况'

/** A1 address of a cell in its table sheet: the layout grid, one heading row above it. */
function addressOf(cellId: string): string {
  const layout = tableLayout(tableOf(format, 't3'))
  const cell = layout.rows.flatMap((r) => r.cells).find((c) => c.cellId === cellId)!
  return XLSX.utils.encode_cell({ r: cell.row + 1, c: cell.col })
}

function imported(bytes: Uint8Array): ImportResult {
  const outcome = readImportFile(bytes, '示例.xlsx')
  if (!outcome.ok) throw new Error(outcome.error)
  return outcome.result
}

function edit(change: (book: XLSX.WorkBook) => void): Uint8Array {
  const book = XLSX.read(ownExport(), { type: 'array' })
  change(book)
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer)
}

/** Row (zero-based) of the info sheet whose column A holds `text`. */
function infoRow(book: XLSX.WorkBook, text: string): number {
  const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['报告信息']!, {
    header: 1,
    blankrows: true,
  })
  return rows.findIndex((r) => r[0] === text)
}

describe('our export edited after export', () => {
  it('unedited, it imports exactly and lists no change', () => {
    const result = imported(ownExport())
    expect(result.source).toBe('exact')
    expect(result.report).toEqual(exampleReport())
    expect(result.editedSinceExport).toBeUndefined()
    expect(result.rejected).toEqual([])
  })

  it('edited printed cells and a text section win, and every change is listed', () => {
    const example = exampleReport()
    const problems = sectionHeading(format, 'problems')
    const edited = edit((book) => {
      const sheet = book.Sheets[T3_SHEET]!
      sheet[addressOf(NATURAL)] = { t: 'n', v: 42 }
      sheet[addressOf(BUSINESS)] = { t: 's', v: '若干' }
      const info = book.Sheets['报告信息']!
      const row = infoRow(book, problems)
      info[XLSX.utils.encode_cell({ r: row + 1, c: 1 })] = { t: 's', v: '改写后的问题与改进措施。' }
      // The paragraph rows of 「主要问题」: the example's text has one paragraph per row.
      const paragraphs = example.narrative.problems.split('\n').length
      for (let r = row + 2; r <= row + paragraphs; r++) {
        delete info[XLSX.utils.encode_cell({ r, c: 1 })]
      }
    })
    const result = imported(edited)
    const row = infoRow(XLSX.read(edited, { type: 'array' }), problems)

    expect(result.editedSinceExport).toEqual([
      {
        address: `${T3_SHEET}!${addressOf(NATURAL)}`,
        name: NATURAL_NAME,
        before: String(example.cells[NATURAL]),
        after: '42',
      },
      {
        address: `报告信息!B${row + 2}`,
        name: problems,
        before: `${Array.from(example.narrative.problems).slice(0, 30).join('')}…`,
        after: '改写后的问题与改进措施。',
      },
    ])
    expect(result.rejected.map((r) => [r.address, r.cellId, r.text])).toEqual([
      [`${T3_SHEET}!${addressOf(BUSINESS)}`, BUSINESS, '若干'],
    ])

    const report = planImport(result, exampleReport()).report
    expect(report.cells[NATURAL]).toBe(42)
    // The rejected printed cell keeps what was exported.
    expect(report.cells[BUSINESS]).toBe(example.cells[BUSINESS])
    // The stale printed total gives way to the sum of the edited parts (computed totals).
    expect(report.totalsMode.t3).toBe('computed')
    expect(report.cells[NEW_TOTAL]).toBe(example.cells[NEW_TOTAL]! - example.cells[NATURAL]! + 42)
    expect(report.narrative.problems).toBe('改写后的问题与改进措施。')
    expect(report.narrative.overview).toBe(example.narrative.overview)
    expect(report.narrative.other).toBe(example.narrative.other)
    expect(report.meta).toEqual(example.meta)
  })

  it('an edited printed total of a computed table is kept (manual totals), as typed', () => {
    const example = exampleReport()
    const result = imported(
      edit((book) => {
        book.Sheets[T3_SHEET]![addressOf(NEW_TOTAL)] = { t: 'n', v: 999 }
      }),
    )
    expect(result.editedSinceExport?.map((e) => [e.before, e.after])).toEqual([
      [String(example.cells[NEW_TOTAL]), '999'],
    ])
    const report = planImport(result, null).report
    expect(report.totalsMode.t3).toBe('manual')
    expect(report.cells[NEW_TOTAL]).toBe(999)
  })
})
