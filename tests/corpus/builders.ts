/**
 * Hostile files built in code (no opaque blobs): spreadsheets with SheetJS, zips with its CFB
 * module, legacy text encodings by inverting the platform's decoders, byte-level damage.
 */
import * as XLSX from 'xlsx'
import { exampleReport } from '../../src/domain/samples/example'
import { writeWorkbook } from '../../src/io/excel/workbook'
import { table2, table3, table4, type Rows } from '../unit/import/officialSheets'

export type Merge = [r0: number, c0: number, r1: number, c1: number]
export interface SheetSpec {
  readonly rows?: readonly (readonly unknown[])[]
  readonly merges?: readonly Merge[]
  /** Raw cells to set after the rows (formulas, error cells …), by A1 address. */
  readonly cells?: Readonly<Record<string, XLSX.CellObject>>
}

export function workbook(
  sheets: Readonly<Record<string, SheetSpec>>,
  bookType: XLSX.BookType = 'xlsx',
): Uint8Array {
  const book = XLSX.utils.book_new()
  for (const [name, spec] of Object.entries(sheets)) {
    const sheet = XLSX.utils.aoa_to_sheet((spec.rows ?? []).map((r) => [...r]))
    for (const [address, cell] of Object.entries(spec.cells ?? {})) sheet[address] = cell
    if (spec.cells) {
      const range = XLSX.utils.decode_range(sheet['!ref'] ?? 'A1')
      for (const address of Object.keys(spec.cells)) {
        const { r, c } = XLSX.utils.decode_cell(address)
        range.e.r = Math.max(range.e.r, r)
        range.e.c = Math.max(range.e.c, c)
      }
      sheet['!ref'] = XLSX.utils.encode_range(range)
    }
    sheet['!merges'] = (spec.merges ?? []).map(([r0, c0, r1, c1]) => ({
      s: { r: r0, c: c0 },
      e: { r: r1, c: c1 },
    }))
    XLSX.utils.book_append_sheet(book, sheet, name)
  }
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType }))
}

/** The three official 2021 tables, k-th data cell of each table holding k. */
export const officialSheets = (value: (k: number) => string = String) => ({
  表二: { rows: table2(2021, value) },
  表三: { rows: table3(2021, value) },
  表四: { rows: table4(value) },
})

/** All three tables one under another on one sheet, as CSV text. */
export function officialCsv(separator = ','): string {
  const rows: Rows = [...table2(2021), [], ...table3(2021), [], ...table4()]
  return rows
    .map((r) =>
      r.map((t) => (/[",;\t\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t)).join(separator),
    )
    .join('\r\n')
}

/** Values the official builders put in well-known cells (k-th cell in reading order = k). */
export const KNOWN_CELLS = {
  't3.newReceived.naturalPerson': 1,
  't3.withheld.stateSecret.business': 30, // row 5 of 表三, column 2: 4·7 + 2
  't4.litigationAfterReview.upheld': 11,
  't2.fees.amount': 10,
} as const

/** Our own export of the built-in example (the file a user most often re-imports). */
export const ownExport = () => writeWorkbook(exampleReport())

export function zip(files: Readonly<Record<string, Uint8Array | string>>): Uint8Array {
  const cfb = XLSX.CFB.utils.cfb_new()
  for (const [path, content] of Object.entries(files)) {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content
    XLSX.CFB.utils.cfb_add(cfb, `/${path}`, bytes)
  }
  return new Uint8Array(
    XLSX.CFB.write(cfb, { fileType: 'zip', type: 'array', compression: true }) as ArrayLike<number>,
  )
}

/** Rewrites one text file inside a zip (e.g. a sheet name SheetJS would not write itself). */
export function patchZip(bytes: Uint8Array, path: string, patch: (text: string) => string) {
  const cfb = XLSX.CFB.read(bytes, { type: 'array' })
  const index = cfb.FullPaths.findIndex((p: string) => p.endsWith(`/${path}`))
  const entry = cfb.FileIndex[index]
  if (!entry?.content) throw new Error(`${path} not in zip`)
  entry.content = new TextEncoder().encode(
    patch(new TextDecoder().decode(entry.content as Uint8Array)),
  ) as unknown as typeof entry.content
  return new Uint8Array(
    XLSX.CFB.write(cfb, { fileType: 'zip', type: 'array', compression: true }) as ArrayLike<number>,
  )
}

/** A real 1×1 PNG (signature, IHDR, IDAT, IEND), CRCs computed here. */
export function png(): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (bytes: number[]) =>
    (bytes.reduce((c, b) => crcTable[(c ^ b) & 0xff]! ^ (c >>> 8), 0xffffffff) ^ 0xffffffff) >>> 0
  const u32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]
  const chunk = (type: string, data: number[]) => {
    const body = [...type].map((c) => c.charCodeAt(0)).concat(data)
    return [...u32(data.length), ...body, ...u32(crc(body))]
  }
  const idat = [...XLSX.CFB.utils._deflateRaw(new Uint8Array([0, 0xff, 0, 0]))]
  return new Uint8Array([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...chunk('IHDR', [...u32(1), ...u32(1), 8, 2, 0, 0, 0]),
    ...chunk('IDAT', [0x78, 0x01, ...idat, 0, 0, 0, 0]),
    ...chunk('IEND', []),
  ])
}

/** Deterministic pseudo-random bytes (xorshift), so a failure can be reproduced. */
export function noise(length: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(length)
  let x = seed >>> 0 || 1
  for (let i = 0; i < length; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    out[i] = x & 0xff
  }
  return out
}

export function flipEvery(bytes: Uint8Array, step: number, from = 0): Uint8Array {
  const out = bytes.slice()
  for (let i = from; i < out.length; i += step) out[i] = out[i]! ^ 0xff
  return out
}

const encoders = new Map<string, Map<string, number[]>>()

/**
 * Encodes text in a legacy two-byte encoding the platform can only decode (GBK, Big5, Shift_JIS),
 * by inverting its decoder over the two-byte code space.
 */
export function encodeLegacy(encoding: string, text: string): Uint8Array {
  let table = encoders.get(encoding)
  if (!table) {
    const decoder = new TextDecoder(encoding)
    table = new Map()
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        const ch = decoder.decode(new Uint8Array([lead, trail]))
        if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail])
      }
    }
    encoders.set(encoding, table)
  }
  const bytes: number[] = []
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    const pair = code < 0x80 ? [code] : (table.get(ch) ?? [0x3f]) // '?' like a lossy save
    bytes.push(...pair)
  }
  return new Uint8Array(bytes)
}

export function utf16(text: string, endian: 'le' | 'be', bom = true): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2)
  const view = new DataView(out.buffer)
  if (bom) view.setUint16(0, 0xfeff, endian === 'le')
  for (let i = 0; i < text.length; i++) {
    view.setUint16((bom ? 2 : 0) + i * 2, text.charCodeAt(i), endian === 'le')
  }
  return out
}

export const utf8 = (text: string) => new TextEncoder().encode(text)

/**
 * A password-protected .xlsx as Excel saves it ([MS-OFFCRYPTO] 2.3.4): an OLE container with an
 * agile EncryptionInfo stream (version 4.4, then its XML descriptor) and the EncryptedPackage
 * (the zip's size, then ciphertext — noise here, nobody can tell the difference).
 */
export function encryptedXlsx(): Uint8Array {
  const descriptor = utf8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/></encryption>',
  )
  const size = 8192
  const cfb = XLSX.CFB.utils.cfb_new()
  const info = new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0, ...descriptor])
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', info)
  const ciphertext = new Uint8Array([size & 0xff, size >> 8, 0, 0, 0, 0, 0, 0, ...noise(size, 5)])
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', ciphertext)
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayLike<number>)
}

/**
 * A password-protected legacy .xls: the official tables in BIFF8 with a FILEPASS record
 * (0x002F, XOR obfuscation: type, key, verifier) right after the globals' BOF, where Excel puts it.
 */
export function encryptedXls(): Uint8Array {
  const cfb = XLSX.CFB.read(workbook(officialSheets(), 'biff8'), { type: 'array' })
  const entry = XLSX.CFB.find(cfb, '/Workbook')!
  const stream = Uint8Array.from(entry.content as ArrayLike<number>)
  const bof = 4 + (stream[2]! | (stream[3]! << 8))
  const filePass = [0x2f, 0, 6, 0, 0, 0, 0x34, 0x12, 0x78, 0x56]
  entry.content = new Uint8Array([
    ...stream.subarray(0, bof),
    ...filePass,
    ...stream.subarray(bof),
  ]) as unknown as typeof entry.content
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayLike<number>)
}

/**
 * The official tables with 表三!D4 (一、本年新收 · 自然人) a formula whose result was never
 * saved, as a script (openpyxl, a reporting system) writes it: `<f>` and no `<v>`.
 */
export const unsavedFormula = () =>
  patchZip(workbook(officialSheets()), 'xl/worksheets/sheet2.xml', (xml) =>
    xml.replace(/<c r="D4"[^>]*>.*?<\/c>/, '<c r="D4"><f>SUM(E4:I4)</f></c>'),
  )

/** The three official tables as one HTML page, one `<table>` each, saved as .xls. */
export function htmlTables(): Uint8Array {
  const book = XLSX.read(workbook(officialSheets()), { type: 'array' })
  const tables = book.SheetNames.map((name) =>
    XLSX.utils.sheet_to_html(book.Sheets[name]!).replace(/^[\s\S]*<body>|<\/body>[\s\S]*$/g, ''),
  )
  return utf8(
    `<html><head><meta charset="utf-8"></head><body>${tables.join('<p></p>')}</body></html>`,
  )
}
