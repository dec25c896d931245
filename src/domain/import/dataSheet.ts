/**
 * The data sheet of our own Excel export: one row per field or cell id, so a file we wrote comes
 * back exactly (through restoreReport), whatever the user did to the printed sheets.
 */
import { listCells } from '../formats'
import { formatOf, NARRATIVE_KEYS, REPORT_TYPE, TABLE_KEYS, type Report } from '../report'
import { cellText, type Grid } from './grid'

export const DATA_SHEET_NAME = '数据'
const NOTE = '年报助手的原始数据，重新导入时使用，请勿修改'
/** Excel holds at most 32 767 characters in a cell: longer narrative spans several rows. */
export const TEXT_CHUNK = 30_000

/**
 * Text that a spreadsheet could run as a formula (`=`, `+`, `-`, `@`, tab, CR) gets a leading
 * apostrophe; text that already starts with one gets another, so the mapping can be undone.
 */
export const neutraliseFormula = (text: string) => (/^['=+\-@\t\r]/.test(text) ? `'${text}` : text)
export const undoNeutralise = (text: string) => (/^'['=+\-@\t\r]/.test(text) ? text.slice(1) : text)

export type DataRow = [key: string, value: string | number | null, note: string]

/**
 * `text` in pieces of at most `size` UTF-16 units (a cell's limit counts those), cut between code
 * points: a surrogate pair (𠮷) is never split. An empty text is one empty piece.
 */
export function chunkText(text: string, size: number): string[] {
  const chunks: string[] = []
  let start = 0
  do {
    let end = Math.min(text.length, start + size)
    const last = text.charCodeAt(end - 1)
    const next = text.charCodeAt(end)
    if (end < text.length && last >= 0xd800 && last <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      end--
    }
    chunks.push(text.slice(start, end))
    start = end
  } while (start < text.length)
  return chunks
}

const textRows = (key: string, text: string): DataRow[] =>
  chunkText(text, TEXT_CHUNK).map((chunk) => [key, neutraliseFormula(chunk), ''])

export function reportToDataRows(report: Report): DataRow[] {
  const { meta } = report
  return [
    ['type', REPORT_TYPE, NOTE],
    ['schemaVersion', report.schemaVersion, ''],
    ['formatId', report.formatId, formatOf(report).basis],
    ...textRows('meta.agencyName', meta.agencyName),
    ['meta.agencyKind', meta.agencyKind, ''],
    ['meta.level', meta.level, ''],
    ['meta.year', meta.year, ''],
    ['meta.scope', meta.scope, ''],
    ['meta.issuedOn', meta.issuedOn ?? '', ''],
    ...TABLE_KEYS.map((t): DataRow => [`totalsMode.${t}`, report.totalsMode[t], '']),
    ...NARRATIVE_KEYS.flatMap((k) => textRows(`narrative.${k}`, report.narrative[k])),
    ...listCells(formatOf(report)).map((c): DataRow => [c.id, report.cells[c.id] ?? null, c.name]),
    ...(report.explanations?.length
      ? textRows(EXPLANATIONS_KEY, JSON.stringify(report.explanations))
      : []),
  ]
}

/** The clerk's 「说明」, as JSON text (read leniently by restoreReport). */
const EXPLANATIONS_KEY = 'explanations'
const NUMERIC_FIELDS = new Set(['schemaVersion', 'meta.year'])
const TEXT_FIELDS = new Set([
  'meta.agencyName',
  EXPLANATIONS_KEY,
  ...NARRATIVE_KEYS.map((k) => `narrative.${k}`),
])

/** The stored report of a grid that is our data sheet, as raw JSON for restoreReport. */
export function dataSheetToRaw(grid: Grid): unknown {
  if (cellText(grid, 0, 0) !== 'type' || cellText(grid, 0, 1) !== REPORT_TYPE) return undefined
  const fields = new Map<string, string>()
  const cells = new Map<string, string>()
  for (const row of grid.rows) {
    const key = row[0] ?? ''
    const value = row[1] ?? ''
    if (!key) continue
    if (/^(type|schemaVersion|formatId|explanations|meta\.|totalsMode\.|narrative\.)/.test(key)) {
      const text = TEXT_FIELDS.has(key) ? undoNeutralise(value) : value
      fields.set(key, (fields.get(key) ?? '') + text)
    } else cells.set(key, value)
  }
  const group = (prefix: string) =>
    Object.fromEntries(
      [...fields]
        .filter(([k]) => k.startsWith(prefix))
        .map(([k, v]) => [k.slice(prefix.length), NUMERIC_FIELDS.has(k) ? Number(v) : v]),
    )
  return {
    type: fields.get('type'),
    schemaVersion: Number(fields.get('schemaVersion')),
    formatId: fields.get('formatId'),
    meta: group('meta.'),
    totalsMode: group('totalsMode.'),
    narrative: group('narrative.'),
    cells: Object.fromEntries(cells),
    ...(fields.has(EXPLANATIONS_KEY)
      ? { explanations: parseJson(fields.get(EXPLANATIONS_KEY)!) }
      : {}),
  }
}

/** Bad JSON reads as a value restoreReport drops with a warning, never as an exception. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return 'unreadable'
  }
}
