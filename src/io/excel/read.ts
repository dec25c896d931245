/**
 * Bytes of a file the user picked → import outcome. Runs inside the import worker (see worker.ts)
 * and, in tests, directly in Node. Accepts .xlsx/.xls/.et (WPS), .csv in UTF-8 (with or without
 * BOM), UTF-16 or GBK/GB18030, and our JSON backup.
 */
import * as XLSX from 'xlsx'
import { importGrids, type Grid, type ImportOutcome } from '../../domain'
import { readBackup } from '../backup'
import { readDocumentFile } from '../document/read'
import { decodeText, startsWith } from '../text'
import {
  EMPTY_FILE,
  MAX_IMPORT_BYTES,
  PASSWORD_PROTECTED,
  tooLargeMessage,
  UNREADABLE,
} from './limits'

const isZip = (bytes: Uint8Array) => startsWith(bytes, 0x50, 0x4b)
/** OLE compound file: .xls and WPS .et */
const isOle = (bytes: Uint8Array) => startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)

/** A formula whose result was never saved: SheetJS gives a stub cell carrying the formula. */
const isUnsavedFormula = (cell: XLSX.CellObject | undefined) => cell?.t === 'z' && Boolean(cell.f)

/** Display text of a cell: strings as typed, numbers without float noise, errors as `#REF!`. */
function cellString(cell: XLSX.CellObject | undefined): string {
  if (!cell || cell.t === 'z' || cell.v === undefined || cell.v === null) return cell?.w ?? ''
  switch (cell.t) {
    case 'n': {
      const n = cell.v as number
      return String(Number.isInteger(n) ? n : Number(n.toPrecision(15)))
    }
    case 'e':
      return cell.w ?? XLSX.utils.format_cell(cell)
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE'
    case 'd':
      return cell.w ?? String(cell.v)
    default:
      return String(cell.v)
  }
}

export function sheetToGrid(name: string, sheet: XLSX.WorkSheet): Grid {
  const data = (sheet['!data'] ?? []) as (XLSX.CellObject[] | undefined)[]
  const rows = Array.from(data, (row) => Array.from(row ?? [], (cell) => cellString(cell)))
  const unsavedFormulas = new Set<string>()
  data.forEach((row, r) =>
    row?.forEach((cell, c) => isUnsavedFormula(cell) && unsavedFormulas.add(`${r}:${c}`)),
  )
  const merges = (sheet['!merges'] ?? []).map((m) => ({
    r0: m.s.r,
    c0: m.s.c,
    r1: m.e.r,
    c1: m.e.c,
  }))
  return { name, rows, merges, ...(unsavedFormulas.size ? { unsavedFormulas } : {}) }
}

const READ_OPTIONS: XLSX.ParsingOptions = {
  dense: true,
  raw: true,
  cellHTML: false,
  // Formatted texts are not needed (and cost half the parse time): values are read as stored.
  cellText: false,
  cellNF: false,
  cellStyles: false,
  cellDates: false,
}
/**
 * Workbooks keep formulas and stub cells, so that a formula without a stored result is told
 * apart from a blank. Text files do not: SheetJS would read a CSV cell `=SUM(…)` as a formula.
 */
const BOOK_OPTIONS: XLSX.ParsingOptions = { ...READ_OPTIONS, cellFormula: true, sheetStubs: true }
const TEXT_OPTIONS: XLSX.ParsingOptions = { ...READ_OPTIONS, cellFormula: false }

/**
 * A password-protected Office file: an OLE container holding the encrypted package and its
 * EncryptionInfo ([MS-OFFCRYPTO] 2.3.4), instead of a zip or a BIFF workbook.
 */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  try {
    const container = XLSX.CFB.read(bytes, { type: 'array' })
    return Boolean(
      XLSX.CFB.find(container, '/EncryptionInfo') && XLSX.CFB.find(container, '/EncryptedPackage'),
    )
  } catch {
    return false // not a readable OLE container: SheetJS reports it
  }
}

/**
 * A complete zip ends with its directory (the end-of-central-directory record, in the last
 * 64 KiB + 22 bytes). SheetJS loops forever on some zips without one (e.g. a download cut after
 * the first header), so those are refused before parsing.
 */
function hasZipDirectory(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      return view.getUint32(i + 16, true) + view.getUint32(i + 12, true) <= i
    }
  }
  return false
}

/** The sheets of a spreadsheet file; throws when SheetJS cannot read it. */
export function readGrids(bytes: Uint8Array): Grid[] {
  if (isZip(bytes) && !hasZipDirectory(bytes)) throw new Error('incomplete zip')
  const book =
    isZip(bytes) || isOle(bytes)
      ? XLSX.read(bytes, { ...BOOK_OPTIONS, type: 'array' })
      : XLSX.read(decodeText(bytes), { ...TEXT_OPTIONS, type: 'string' })
  return book.SheetNames.map((name) => sheetToGrid(name, book.Sheets[name]!))
}

const looksLikeJson = (bytes: Uint8Array, fileName: string) =>
  /\.json$/i.test(fileName) || /^\s*\{/.test(decodeText(bytes.subarray(0, 64)))

export function readImportFile(bytes: Uint8Array, fileName: string): ImportOutcome {
  if (bytes.byteLength === 0) return { ok: false, error: EMPTY_FILE }
  if (bytes.byteLength > MAX_IMPORT_BYTES)
    return { ok: false, error: tooLargeMessage(bytes.byteLength) }
  if (!isZip(bytes) && !isOle(bytes) && looksLikeJson(bytes, fileName)) {
    return readBackup(decodeText(bytes))
  }
  if (isOle(bytes) && isEncryptedPackage(bytes)) return { ok: false, error: PASSWORD_PROTECTED }
  const document = readDocumentFile(bytes, fileName)
  if (document) return document
  let grids: Grid[]
  try {
    grids = readGrids(bytes)
  } catch (error) {
    // An encrypted .xls (BIFF FILEPASS record) is only found while parsing.
    const encrypted = error instanceof Error && /password-protected/i.test(error.message)
    return { ok: false, error: encrypted ? PASSWORD_PROTECTED : UNREADABLE }
  }
  return importGrids(grids)
}
