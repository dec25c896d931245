/**
 * Hostile and broken files through the import path the worker runs (readImportFile, here in a
 * worker thread with a hard time limit, as in the app), then the preview plan: each is refused with a clear message, or imported correctly (hand-known values);
 * nothing throws, nothing takes long, and the open draft is byte-for-byte unchanged until the
 * user confirms (and an applied import is one undo step).
 */
import * as XLSX from 'xlsx'
import { describe, expect, test } from 'vitest'
import {
  DATA_SHEET_NAME,
  NOT_A_REPORT,
  planImport,
  restoreReport,
  type ImportResult,
} from '../../src/domain'
import {
  EMPTY_FILE,
  MAX_IMPORT_BYTES,
  PASSWORD_PROTECTED,
  UNREADABLE,
} from '../../src/io/excel/limits'
import { exampleReport } from '../../src/domain/samples/example'
import { table2, table3, table4 } from '../unit/import/officialSheets'
import {
  encodeLegacy,
  encryptedXls,
  encryptedXlsx,
  flipEvery,
  htmlTables,
  KNOWN_CELLS,
  noise,
  officialCsv,
  officialSheets,
  ownExport,
  patchZip,
  png,
  utf16,
  utf8,
  workbook,
  zip,
  unsavedFormula,
  type Merge,
} from './builders'
import { expectClearMessage, expectOutcome, openDraft } from './harness'
import { readImportFileInWorker } from './inWorker'

type Check = (result: ImportResult) => void

interface FileCase {
  readonly name: string
  /** Default 年报.xlsx (年报.csv for the CSV group). */
  readonly fileName?: string
  readonly bytes: () => Uint8Array
  /** A clear message (matching, when given), or a correct import checked by `imports`. */
  readonly refused?: RegExp | true
  readonly imports?: Check
  /** The app's worker gives up after 30 s; the parse itself must stay well below. */
  readonly limitMs?: number
}

const refusedAs = (message: string) => new RegExp(message.slice(0, 12).replace(/[()（）]/g, '.'))

/** Every hand-known cell imported with its value. */
const knownCells: Check = (result) => {
  for (const [id, value] of Object.entries(KNOWN_CELLS)) expect(result.cells[id]).toBe(value)
}
/** Every number read equals the example's (what our export of it holds). */
const matchesExample: Check = (result) => {
  const example = exampleReport()
  expect(Object.keys(result.cells).length).toBeGreaterThan(150)
  for (const [id, value] of Object.entries(result.cells)) expect(value).toBe(example.cells[id])
}
/** Our own export of the example came back exactly. */
const exactExample: Check = (result) => {
  expect(result.source).toBe('exact')
  expect(result.report?.meta.agencyName).toBe('示例县市场监督管理局')
}

// ---------------------------------------------------------------------------------------------
// Damaged zips (our own export, cut or corrupted in every way a download or a USB stick can)

const damaged: FileCase[] = [
  ['empty file', () => new Uint8Array(0), refusedAs(EMPTY_FILE)],
  ['only the zip signature', () => ownExport().subarray(0, 2), true],
  ['the first 30 bytes', () => ownExport().subarray(0, 30), refusedAs(UNREADABLE)],
  ['truncated to 10 %', (b = ownExport()) => b.subarray(0, b.length / 10), true],
  ['truncated to half', (b = ownExport()) => b.subarray(0, b.length / 2), true],
  ['last byte missing', (b = ownExport()) => b.subarray(0, b.length - 1), true],
  [
    'end-of-central-directory cut off',
    (b = ownExport()) => b.subarray(0, b.length - 22),
    refusedAs(UNREADABLE),
  ],
  ['every 97th byte flipped', () => flipEvery(ownExport(), 97), true],
  [
    'every byte after the first header flipped',
    () => flipEvery(ownExport(), 1, 30),
    refusedAs(UNREADABLE),
  ],
  ['zip signature then noise', () => new Uint8Array([0x50, 0x4b, 3, 4, ...noise(65_536)]), true],
  ['an empty zip', () => new Uint8Array([0x50, 0x4b, 5, 6, ...new Uint8Array(18)]), true],
  ['a zip holding a text file', () => zip({ 'readme.txt': '这不是表格' }), true],
  [
    'an xlsx skeleton without sheets',
    () => zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' }),
    true,
  ],
  [
    'a sheet of 50 MB of zeros (zip bomb)',
    () =>
      zip({
        '[Content_Types].xml': '<Types/>',
        'xl/workbook.xml':
          '<workbook><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets></workbook>',
        'xl/worksheets/sheet1.xml': new Uint8Array(50 * 1024 * 1024),
      }),
    true,
  ],
].map(([name, bytes, refused]) => ({
  name: name as string,
  fileName: '年报.xlsx',
  bytes: bytes as () => Uint8Array,
  refused: refused as RegExp | true,
  limitMs: 15_000,
}))
damaged.push({
  // The zip has no checksums SheetJS verifies: the damaged part (here the data sheet) is lost,
  // the official sheets are still read by their labels, each number as in the example.
  name: 'one kilobyte in the middle zeroed',
  fileName: '年报.xlsx',
  bytes: (b = ownExport().slice()) => b.fill(0, b.length / 2, b.length / 2 + 1024),
  imports: matchesExample,
})

// ---------------------------------------------------------------------------------------------
// Not spreadsheets at all, whatever their name says

const impostors: FileCase[] = [
  { name: 'a PNG renamed .xlsx', fileName: '年报.xlsx', bytes: png, refused: true },
  {
    name: 'a PDF renamed .xlsx',
    fileName: '年报.xlsx',
    bytes: () => utf8('%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\ntrailer<<>>\n%%EOF'),
    refused: true,
  },
  {
    name: 'a JPEG header renamed .xls',
    fileName: '年报.xls',
    bytes: () => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, ...utf8('JFIF'), ...noise(4096)]),
    refused: true,
  },
  {
    name: 'a Windows program renamed .xlsx',
    fileName: '年报.xlsx',
    bytes: () => new Uint8Array([0x4d, 0x5a, ...noise(8192, 7)]),
    refused: true,
  },
  {
    name: 'an OLE (.xls) header and nothing else',
    fileName: '年报.xls',
    bytes: () =>
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504)]),
    refused: true,
  },
  { name: '64 KB of noise', fileName: '年报.xlsx', bytes: () => noise(65_536, 3), refused: true },
  {
    name: '1 MB of zero bytes',
    fileName: '年报.xlsx',
    bytes: () => new Uint8Array(1 << 20),
    refused: true,
  },
  {
    name: 'a sentence saved as .xlsx',
    fileName: '年报.xlsx',
    bytes: () => utf8('请查收今年的年报'),
    refused: refusedAs(NOT_A_REPORT),
  },
  {
    name: 'a file just over the 20 MB cap',
    fileName: '年报.xlsx',
    bytes: () => new Uint8Array(MAX_IMPORT_BYTES + 1),
    refused: /20 MB/,
  },
]

// ---------------------------------------------------------------------------------------------
// Real workbooks with hostile content

const every = <T>(n: number, make: (i: number) => T): T[] =>
  Array.from({ length: n }, (_, i) => make(i))

const hostileBooks: FileCase[] = [
  {
    name: '200,000 rows of numbers and no report',
    bytes: () => workbook({ 数据明细: { rows: every(200_000, (i) => [i, i % 7]) } }),
    refused: refusedAs(NOT_A_REPORT),
    limitMs: 25_000,
  },
  {
    name: 'the official tables above 200,000 rows of other data',
    bytes: () =>
      workbook({
        ...officialSheets(),
        明细: { rows: every(200_000, (i) => [`明细${i}`, i]) },
      }),
    imports: knownCells,
    limitMs: 25_000,
  },
  {
    name: '5,000 merges nested over the label area',
    bytes: () =>
      workbook({
        ...officialSheets(),
        表三: {
          rows: table3(2021),
          merges: every(5000, (i) => [i % 40, 0, 40 + (i % 7), 3 + (i % 5)] as Merge) as Merge[],
        },
      }),
    imports: (r) => expect(r.tables.length).toBe(3),
  },
  {
    name: 'one merge covering the whole 1,048,576 × 16,384 sheet',
    bytes: () => workbook({ 表三: { rows: table3(2021), merges: [[0, 0, 1_048_575, 16_383]] } }),
    // The values are still in the file under the merge; they are read, quickly.
    imports: (r) => expect(r.cells['t3.withheld.stateSecret.business']).toBe(30),
  },
  {
    name: 'merges with inverted and negative corners',
    bytes: () =>
      workbook({
        ...officialSheets(),
        表二: {
          rows: table2(2021),
          merges: [
            [5, 5, 0, 0],
            [-1, -1, 2, 2],
            [3, 0, 3, 0],
          ],
        },
      }),
    imports: knownCells,
  },
  {
    name: 'formula cells with cached values',
    bytes: () =>
      workbook({
        ...officialSheets(),
        表四: { rows: table4(), cells: { A4: { t: 'n', v: 1, f: 'SUM(B9:B12)' } } },
      }),
    imports: (r) => expect(r.cells['t4.review.upheld']).toBe(1),
  },
  {
    name: 'a formula cell with no cached value',
    bytes: () =>
      workbook({
        ...officialSheets(),
        表四: { rows: table4(), cells: { A4: { t: 'z', f: 'SUM(Z1:Z9)' } as XLSX.CellObject } },
      }),
    imports: (r) => expect(r.cells['t4.review.upheld'] ?? null).toBeNull(),
  },
  ...(['#REF!', '#DIV/0!', '#N/A', '#VALUE!', '#NAME?'] as const).map((error): FileCase => ({
    name: `${error} in a value cell`,
    bytes: () =>
      workbook({
        ...officialSheets(),
        表四: {
          rows: table4(),
          cells: { A4: { t: 'e', v: errorCode(error), w: error } },
        },
      }),
    imports: (r) => {
      expect(r.cells['t4.review.upheld'] ?? null).toBeNull()
      expect(r.rejected.map((x) => x.text)).toContain(error)
    },
  })),
  ...(
    [
      ['-5', /负数/],
      ['2.5', /整数/],
      ['十二', /不是数字/],
      ['1e308', /不是数字/],
      ['9007199254740993', /过大/],
      ['<script>alert(1)</script>', /不是数字/],
      ['=HYPERLINK("http://example.com")', /不是数字/],
      ['😀', /不是数字/],
      ['申'.repeat(32_000), /不是数字/],
    ] as const
  ).map(([text, reason]): FileCase => ({
    name: `value cell holding ${text.length > 40 ? `${text.length} characters` : text}`,
    bytes: () =>
      workbook({
        ...officialSheets((k) => (k === 1 ? text : String(k))),
      }),
    imports: (r) => {
      expect(r.cells['t3.newReceived.naturalPerson'] ?? null).toBeNull()
      const rejected = r.rejected.find((x) => x.cellId === 't3.newReceived.naturalPerson')
      expect(rejected?.reason).toMatch(reason)
      expect(rejected?.address).toMatch(/^表[二三四]!/)
    },
  })),
  {
    name: 'numbers as real number cells: 1e308, -1, 0.5, 2^53+1',
    bytes: () =>
      workbook({
        ...officialSheets(
          (k) =>
            // eslint-disable-next-line no-loss-of-precision -- Excel rounds it to 2^53 as well
            ([1e308, -1, 0.5, 9007199254740993][k - 1] ?? k) as unknown as string,
        ),
      }),
    imports: (r) => {
      for (const id of ['naturalPerson', 'business', 'research', 'publicInterest']) {
        expect(r.cells[`t3.newReceived.${id}`] ?? null).toBeNull()
      }
      expect(r.rejected.filter((x) => x.cellId.startsWith('t3.newReceived.'))).toHaveLength(4)
    },
  },
  {
    name: 'labels with script tags, emoji and non-BMP characters around them',
    bytes: () =>
      workbook({
        说明: { rows: [['<script>alert(1)</script>'], ['😀𠮷 年报 🏛️']] },
        ...officialSheets(),
      }),
    imports: knownCells,
  },
  {
    name: 'a row 16,384 columns wide',
    bytes: () => workbook({ ...officialSheets(), 宽: { rows: [every(16_384, (i) => i)] } }),
    imports: knownCells,
  },
  {
    name: '300 empty sheets',
    bytes: () => workbook(Object.fromEntries(every(300, (i) => [`Sheet${i}`, { rows: [] }]))),
    refused: refusedAs(NOT_A_REPORT),
  },
  {
    name: 'sheets named __proto__, constructor and prototype',
    bytes: () =>
      patchZip(
        workbook({
          SHEET_A__: { rows: table2(2021) },
          SHEET_B: { rows: table3(2021) },
          SHEET_C: { rows: table4() },
        }),
        'xl/workbook.xml',
        (xml) =>
          xml
            .replace('SHEET_A__', '__proto__')
            .replace('SHEET_B', 'constructor')
            .replace('SHEET_C', 'prototype'),
      ),
    imports: (r) => {
      expect(r.tables.map((t) => t.sheet)).toEqual(['__proto__', 'constructor', 'prototype'])
      knownCells(r)
    },
  },
  {
    name: "128 KB of text in label cells (32,767 characters each, Excel's cap)",
    bytes: () =>
      workbook({ ...officialSheets(), 说明: { rows: every(4, () => ['说'.repeat(32_767)]) } }),
    imports: knownCells,
  },
  {
    name: 'the official tables as legacy .xls (BIFF8)',
    fileName: '年报.xls',
    bytes: () => workbook(officialSheets(), 'biff8'),
    imports: knownCells,
  },
  {
    name: 'an HTML table saved as .xls (as some systems export)',
    fileName: '年报.xls',
    bytes: () => workbook(officialSheets(), 'html'),
    // SheetJS writes only the first sheet as HTML: 表二, every cell of it.
    imports: (r) => {
      expect(r.tables.map((t) => [t.shortName, t.located, t.filled])).toEqual([
        ['表二', 10, 10],
        ['表三', 0, 0],
        ['表四', 0, 0],
      ])
      expect(r.cells['t2.fees.amount']).toBe(KNOWN_CELLS['t2.fees.amount'])
    },
  },
  {
    name: 'the three tables as one HTML page saved as .xls',
    fileName: '年报.xls',
    bytes: htmlTables,
    imports: (r) => {
      expect(r.tables.map((t) => [t.shortName, t.located, t.filled])).toEqual([
        ['表二', 10, 10],
        ['表三', 175, 175],
        ['表四', 15, 15],
      ])
      knownCells(r)
    },
  },
  {
    name: 'a password-protected .xlsx (encrypted package)',
    bytes: encryptedXlsx,
    refused: refusedAs(PASSWORD_PROTECTED),
  },
  {
    name: 'a password-protected legacy .xls (FILEPASS)',
    fileName: '年报.xls',
    bytes: encryptedXls,
    refused: refusedAs(PASSWORD_PROTECTED),
  },
  {
    name: 'a formula whose result was never saved (written by a script)',
    bytes: unsavedFormula,
    imports: (r) => {
      expect(r.rejected).toEqual([
        {
          address: '表三!D4',
          cellId: 't3.newReceived.naturalPerson',
          cellName: '表三 一、本年新收政府信息公开申请数量 · 自然人',
          text: '',
          reason: '公式没有保存计算结果，请在 Excel/WPS 中打开并保存后再导入',
        },
      ])
      expect(r.cells['t3.newReceived.naturalPerson']).toBeUndefined()
      expect(r.cells['t3.withheld.stateSecret.business']).toBe(30)
    },
  },
  {
    name: 'our export with the data sheet removed (read by labels)',
    bytes: () => {
      const book = XLSX.read(ownExport(), { type: 'array' })
      XLSX.utils.book_set_sheet_visibility(book, DATA_SHEET_NAME, 0)
      book.SheetNames = book.SheetNames.filter((n) => n !== DATA_SHEET_NAME)
      return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }))
    },
    imports: (r) => {
      expect(r.source).toBe('labels')
      expect(r.cells['t3.newReceived.naturalPerson']).toBeTypeOf('number')
    },
  },
  {
    name: 'our own export, untouched',
    bytes: ownExport,
    imports: exactExample,
  },
  ...(
    [
      ['type', 'not-a-report'],
      ['schemaVersion', '999'],
      ['__proto__', '{"polluted":1}'],
      ['constructor', '{"prototype":{"polluted":1}}'],
      ['t3.newReceived.naturalPerson', '-3'],
    ] as const
  ).map(([key, value]): FileCase => ({
    name: `our export with the data sheet's ${key} set to ${value}`,
    bytes: () => {
      const book = XLSX.read(ownExport(), { type: 'array' })
      const sheet = book.Sheets[DATA_SHEET_NAME]!
      const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 })
      const row = rows.findIndex((r) => r[0] === key)
      if (row >= 0) rows[row]![1] = value
      else rows.push([key, value])
      book.Sheets[DATA_SHEET_NAME] = XLSX.utils.aoa_to_sheet(rows)
      return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }))
    },
    // A newer version is refused; a data sheet that is not ours falls back to the official
    // sheets, read by their labels; a refused data value gives way to the printed table's.
    ...(key === 'schemaVersion'
      ? { refused: /新版本/ }
      : {
          imports: (r: ImportResult) => {
            if (key === 'type') matchesExample(r)
            else if (key.startsWith('t3.')) {
              expect(r.warnings.join()).toMatch(/负数/)
              expect(r.cells[key]).toBe(exampleReport().cells[key])
              expect(r.editedSinceExport?.map((e) => e.address)).toEqual([
                '三、收到和处理政府信息公开申请情况!D5',
              ])
            } else exactExample(r)
          },
        }),
  })),
]

function errorCode(text: string): number {
  return {
    '#NULL!': 0x00,
    '#DIV/0!': 0x07,
    '#VALUE!': 0x0f,
    '#REF!': 0x17,
    '#NAME?': 0x1d,
    '#N/A': 0x2a,
  }[text]!
}

// ---------------------------------------------------------------------------------------------
// CSV in every encoding an office PC produces

const csv = officialCsv()
const csvCases = (cases: FileCase[]) => cases.map((c) => ({ fileName: '年报.csv', ...c }))
const csvFiles: FileCase[] = csvCases([
  { name: 'CSV in UTF-8', bytes: () => utf8(csv), imports: knownCells },
  { name: 'CSV in UTF-8 with BOM', bytes: () => utf8(`\uFEFF${csv}`), imports: knownCells },
  { name: 'CSV in UTF-16LE with BOM', bytes: () => utf16(csv, 'le'), imports: knownCells },
  { name: 'CSV in UTF-16BE with BOM', bytes: () => utf16(csv, 'be'), imports: knownCells },
  { name: 'CSV in UTF-16LE without BOM', bytes: () => utf16(csv, 'le', false), refused: true },
  { name: 'CSV in GBK', bytes: () => encodeLegacy('gbk', csv), imports: knownCells },
  { name: 'CSV in GB18030', bytes: () => encodeLegacy('gb18030', csv), imports: knownCells },
  // Big5 (traditional characters, from Taiwan/Hong Kong templates) reads as GB18030 mojibake: no
  // official label survives, so the file is refused with the not-a-report sentence.
  { name: 'CSV in Big5', bytes: () => encodeLegacy('big5', csv), refused: refusedAs(NOT_A_REPORT) },
  {
    name: 'CSV in Shift_JIS',
    bytes: () => encodeLegacy('shift_jis', csv),
    refused: refusedAs(NOT_A_REPORT),
  },
  { name: 'semicolon-separated CSV', bytes: () => utf8(officialCsv(';')), imports: knownCells },
  {
    name: 'tab-separated text',
    fileName: '年报.txt',
    bytes: () => utf8(officialCsv('\t')),
    imports: knownCells,
  },
  {
    name: 'CSV with 200,000 rows',
    bytes: () => utf8(every(200_000, (i) => `${i},${i * 3},备注`).join('\n')),
    refused: refusedAs(NOT_A_REPORT),
    limitMs: 25_000,
  },
  {
    name: 'CSV with an unbalanced quote',
    bytes: () => utf8(`"${csv}`),
    refused: true,
  },
  {
    name: 'CSV with NUL bytes throughout',
    bytes: () => utf8(csv.replace(/,/g, ',\u0000')),
    // Labels are still found; every value is refused with its address and reason.
    imports: (r) => {
      expect(Object.values(r.cells).filter((v) => v !== null)).toEqual([])
      expect(r.rejected.length).toBeGreaterThan(100)
    },
  },
  { name: 'a million empty lines', bytes: () => utf8('\n'.repeat(1_000_000)), refused: true },
  {
    name: 'CSV whose value cells are formulas',
    bytes: () => utf8(officialCsv().replace(/,(\d+)(?=,|\r|$)/g, ',=1+$1')),
    imports: (r) => {
      expect(r.cells['t3.newReceived.naturalPerson'] ?? null).toBeNull()
      expect(r.rejected.length).toBeGreaterThan(100)
    },
  },
])

// ---------------------------------------------------------------------------------------------

const all: FileCase[] = [...damaged, ...impostors, ...hostileBooks, ...csvFiles]

async function runCase(c: FileCase) {
  const { draft, snapshot } = openDraft()
  const before = snapshot()
  const bytes = c.bytes()
  const limitMs = c.limitMs ?? 5000
  const answer = await readImportFileInWorker(bytes, c.fileName ?? '年报.xlsx', limitMs)
  if (answer.timedOut) throw new Error(`no answer within ${limitMs} ms (the app would give up)`)
  expect(answer.prototypeClean).toBe(true)
  const result = expectOutcome(answer.outcome, c.refused, () => expect(snapshot()).toBe(before))
  if (!result) return
  c.imports!(result)
  for (const r of result.rejected) expectClearMessage(r.reason)
  for (const w of result.warnings) expectClearMessage(w)

  // The preview changes nothing; confirming is one undo step and yields a valid report.
  const reportBefore = JSON.stringify(draft.report)
  const plan = planImport(result, draft.report)
  expect(snapshot()).toBe(before)
  draft.replaceReport(plan.report, '导入')
  expect(restoreReport(JSON.parse(JSON.stringify(draft.report))).ok).toBe(true)
  draft.undo()
  expect(JSON.stringify(draft.report)).toBe(reportBefore)
}

describe('importing hostile and broken files', () => {
  test.each(all)('$name', runCase, 60_000)
})

export const FILE_CASES = all.length
