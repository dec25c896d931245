/**
 * A small SpreadsheetML (.xlsx) writer for our export: shared strings, numbers as numbers, a fixed
 * set of cell styles (borders, wrapping, alignment, fonts), merges, column widths, row heights,
 * A4 page setup that fits the width, repeated title rows, a page-number footer, hidden sheets.
 * SheetJS Community Edition writes no styles, so the printed workbook is written here; reading
 * stays on SheetJS (read.ts). Zipped with fflate, which the PDF export already uses.
 */
import { strToU8, zipSync, type Zippable } from 'fflate'

/** The cell styles, in the order of `cellXfs` in styles.xml. */
export const STYLE = {
  plain: 0,
  /** A sheet's title: bold, large, centred, wrapped. */
  title: 1,
  /** A section heading above a table: bold, left. */
  heading: 2,
  /** A table label (headers, merged row labels, the corner note): bordered, wrapped, centred. */
  label: 3,
  /** A one-row row label: bordered, wrapped, left. */
  rowLabel: 4,
  /** A table value: bordered, centred, the General number format. */
  value: 5,
  /** A field name beside its value on the information sheet: top-aligned, bold. */
  field: 6,
  /** Body text: wrapped, top-aligned, left. */
  paragraph: 7,
} as const
export type StyleId = (typeof STYLE)[keyof typeof STYLE]

export type CellValue = string | number | null

export interface SheetCell {
  readonly value: CellValue
  readonly style: StyleId
}

export interface SheetSpec {
  readonly name: string
  /** Rows of cells; a missing cell is empty (a border is drawn only where a styled cell is). */
  readonly rows: readonly (readonly (SheetCell | undefined)[])[]
  readonly merges?: readonly { r0: number; c0: number; r1: number; c1: number }[]
  /** Column widths in Excel's character units. */
  readonly columns: readonly number[]
  /** Row heights in points (undefined: the default height). */
  readonly heights?: readonly (number | undefined)[]
  /** Rows (0-based, inclusive) printed again at the top of every page. */
  readonly repeatRows?: readonly [number, number]
  /** Margins in inches. */
  readonly margins?: { left: number; right: number; top: number; bottom: number }
  readonly hidden?: boolean
}

export interface WorkbookProps {
  readonly title: string
  readonly author: string
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships'
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

const escapeAttr = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)

const hex4 = (code: number) => `_x${code.toString(16).toUpperCase().padStart(4, '0')}_`

/**
 * Cell text as ST_Xstring: XML-escaped; characters XML cannot carry (controls, lone surrogates,
 * U+FFFE/U+FFFF, and CR, which XML parsers fold into LF) as `_xHHHH_`; and the `_` of a literal
 * `_xHHHH_` in the text escaped as `_x005F_`, so readers do not decode it.
 */
export function escapeCellText(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex -- control characters are what XML cannot carry
    /_(?=[xX][0-9a-fA-F]{4}_)|[&<>]|[\0-\x08\x0B\x0C\x0D\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : hex4(c.charCodeAt(0))),
  )
}

/** `A1`-style column letters of a 0-based column. */
export function columnName(col: number): string {
  let name = ''
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name
  }
  return name
}

const STYLES_XML =
  XML_HEAD +
  `<styleSheet xmlns="${NS_MAIN}">` +
  '' +
  '<fonts count="4">' +
  '<font><sz val="10.5"/><name val="宋体"/><family val="3"/><charset val="134"/></font>' +
  '<font><b/><sz val="16"/><name val="宋体"/><family val="3"/><charset val="134"/></font>' +
  '<font><b/><sz val="12"/><name val="黑体"/><family val="3"/><charset val="134"/></font>' +
  '<font><b/><sz val="10.5"/><name val="宋体"/><family val="3"/><charset val="134"/></font>' +
  '</fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill>' +
  '<fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
  '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right>' +
  '<top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom>' +
  '<diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="8">' +
  // plain
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  // title
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">' +
  '<alignment horizontal="center" vertical="center" wrapText="1"/></xf>' +
  // heading
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">' +
  '<alignment horizontal="left" vertical="center"/></xf>' +
  // label
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1">' +
  '<alignment horizontal="center" vertical="center" wrapText="1"/></xf>' +
  // rowLabel
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1">' +
  '<alignment horizontal="left" vertical="center" wrapText="1"/></xf>' +
  // value
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1">' +
  '<alignment horizontal="center" vertical="center"/></xf>' +
  // field
  '<xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">' +
  '<alignment vertical="top" wrapText="1"/></xf>' +
  // paragraph
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">' +
  '<alignment horizontal="left" vertical="top" wrapText="1"/></xf>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>'

/** A number as SpreadsheetML writes it (no float noise, no exponent for our magnitudes). */
const numberText = (n: number) =>
  Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)))

function sheetXml(sheet: SheetSpec, strings: (text: string) => number): string {
  const out: string[] = [XML_HEAD, `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`]
  out.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>')
  out.push('<sheetViews><sheetView workbookViewId="0"/></sheetViews>')
  out.push('<sheetFormatPr defaultRowHeight="15"/>')
  out.push(
    '<cols>' +
      sheet.columns
        .map(
          (w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w.toFixed(2)}" customWidth="1"/>`,
        )
        .join('') +
      '</cols>',
  )
  out.push('<sheetData>')
  sheet.rows.forEach((row, r) => {
    const height = sheet.heights?.[r]
    const attrs = height ? ` ht="${height.toFixed(2)}" customHeight="1"` : ''
    const cells: string[] = []
    row.forEach((cell, c) => {
      if (!cell) return
      const ref = `${columnName(c)}${r + 1}`
      const style = cell.style ? ` s="${cell.style}"` : ''
      const { value } = cell
      if (value === null || value === '') cells.push(`<c r="${ref}"${style}/>`)
      else if (typeof value === 'number') {
        cells.push(`<c r="${ref}"${style}><v>${numberText(value)}</v></c>`)
      } else cells.push(`<c r="${ref}"${style} t="s"><v>${strings(value)}</v></c>`)
    })
    out.push(`<row r="${r + 1}"${attrs}>${cells.join('')}</row>`)
  })
  out.push('</sheetData>')
  if (sheet.merges?.length) {
    out.push(`<mergeCells count="${sheet.merges.length}">`)
    for (const m of sheet.merges) {
      out.push(`<mergeCell ref="${columnName(m.c0)}${m.r0 + 1}:${columnName(m.c1)}${m.r1 + 1}"/>`)
    }
    out.push('</mergeCells>')
  }
  out.push('<printOptions horizontalCentered="1"/>')
  const m = sheet.margins ?? { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75 }
  out.push(
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="0.3" footer="0.3"/>`,
  )
  // A4 portrait, as wide as one page, as many pages tall as needed.
  out.push('<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0"/>')
  out.push('<headerFooter><oddFooter>&amp;C— &amp;P —</oddFooter></headerFooter>')
  out.push('</worksheet>')
  return out.join('')
}

/** Quotes a sheet name for a formula reference. */
const quotedSheet = (name: string) => `'${name.replace(/'/g, "''")}'`

/** The .xlsx file of `sheets`. */
export function writeXlsx(
  sheets: readonly SheetSpec[],
  props: WorkbookProps,
): Uint8Array<ArrayBuffer> {
  const sst: string[] = []
  const index = new Map<string, number>()
  const strings = (text: string) => {
    let i = index.get(text)
    if (i === undefined) {
      i = sst.push(text) - 1
      index.set(text, i)
    }
    return i
  }
  const sheetFiles = sheets.map((s) => sheetXml(s, strings))
  let references = 0
  for (const sheet of sheets)
    for (const row of sheet.rows)
      for (const c of row) {
        if (typeof c?.value === 'string' && c.value !== '') references++
      }

  const firstVisible = Math.max(
    0,
    sheets.findIndex((s) => !s.hidden),
  )
  const workbook =
    XML_HEAD +
    `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<bookViews><workbookView activeTab="${firstVisible}" firstSheet="${firstVisible}"/></bookViews><sheets>` +
    sheets
      .map(
        (s, i) =>
          `<sheet name="${escapeAttr(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`,
      )
      .join('') +
    '</sheets>' +
    (sheets.some((s) => s.repeatRows)
      ? '<definedNames>' +
        sheets
          .flatMap((s, i) =>
            s.repeatRows
              ? [
                  `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeAttr(
                    `${quotedSheet(s.name)}!$${s.repeatRows[0] + 1}:$${s.repeatRows[1] + 1}`,
                  )}</definedName>`,
                ]
              : [],
          )
          .join('') +
        '</definedNames>'
      : '') +
    '</workbook>'

  const workbookRels =
    XML_HEAD +
    `<Relationships xmlns="${NS_PKG_REL}">` +
    sheets
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="${REL_TYPE}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join('') +
    `<Relationship Id="rId${sheets.length + 1}" Type="${REL_TYPE}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${sheets.length + 2}" Type="${REL_TYPE}/sharedStrings" Target="sharedStrings.xml"/>` +
    '</Relationships>'

  const sharedStrings =
    XML_HEAD +
    `<sst xmlns="${NS_MAIN}" count="${references}" uniqueCount="${sst.length}">` +
    sst.map((t) => `<si><t xml:space="preserve">${escapeCellText(t)}</t></si>`).join('') +
    '</sst>'

  const contentTypes =
    XML_HEAD +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join('') +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '</Types>'

  const rootRels =
    XML_HEAD +
    `<Relationships xmlns="${NS_PKG_REL}">` +
    `<Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="xl/workbook.xml"/>` +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    '</Relationships>'

  const core =
    XML_HEAD +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
    `<dc:title>${escapeCellText(props.title)}</dc:title><dc:creator>${escapeCellText(props.author)}</dc:creator>` +
    '</cp:coreProperties>'

  // In the order Excel writes them: the sheets, then styles and shared strings, then properties.
  const files: Zippable = {
    '[Content_Types].xml': strToU8(contentTypes),
    '_rels/.rels': strToU8(rootRels),
    'xl/workbook.xml': strToU8(workbook),
    'xl/_rels/workbook.xml.rels': strToU8(workbookRels),
  }
  sheetFiles.forEach((xml, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(xml)))
  files['xl/styles.xml'] = strToU8(STYLES_XML)
  files['xl/sharedStrings.xml'] = strToU8(sharedStrings)
  files['docProps/core.xml'] = strToU8(core)
  return zipSync(files, { level: 6, mtime: new Date(2000, 0, 1) }) as Uint8Array<ArrayBuffer>
}
