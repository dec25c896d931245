/**
 * Writes our embedded fonts into the PDF in place of jsPDF's Identity-H writer, which copies the
 * font into a string one byte at a time with `+=`, deflates it on every export and rebuilds the
 * ToUnicode map by string concatenation: most of the output time for a report of 2,000 distinct
 * characters. Here the font (already cut down by HarfBuzz) is deflated once per subset and kept
 * (natively where the browser can),
 * and the objects are the ones jsPDF writes (FontFile2, ToUnicode, FontDescriptor, CIDFontType2,
 * Type0). jsPDF is pinned exactly: this relies on its putFont event and font metadata.
 */
import { zlibSync } from 'fflate'
import { jsPDF } from 'jspdf'
import { toBinaryString, type PdfFont } from './fonts'

interface FontMetadata {
  readonly bbox: readonly number[]
  readonly flags: number
  readonly stemV: number
  readonly italicAngle: number
  readonly ascender: number
  readonly decender: number
  readonly capHeight: number
  /** glyph id → code unit, filled by jsPDF as text is written */
  readonly toUnicode: Record<number, number>
  /** [glyph id, [width], …], filled by jsPDF as text is written */
  readonly Unicode: { readonly widths: readonly unknown[] }
}

interface JsPdfFont {
  metadata: FontMetadata
  encoding: string
  fontName: string
  objectNumber: number
  isAlreadyPutted: boolean
}

interface PutFontEvent {
  readonly font: JsPdfFont
  readonly out: (line: string) => void
  readonly newObject: () => number
  readonly putStream: (options: {
    data: string
    filters: string[]
    alreadyAppliedFilters: string[]
    additionalKeyValues: { key: string; value: number }[]
    objectId: number
  }) => void
}

const API = jsPDF.API as unknown as {
  events: [string, (event: PutFontEvent) => void][]
  PDFObject: { convert: (value: unknown) => string }
}

/** Which of a document's fonts are ours, with the bytes to embed. */
const ours = new WeakMap<object, PdfFont>()
/** Deflated font programs, kept as long as the subset is (the same characters, the same bytes). */
const deflated = new WeakMap<PdfFont, string>()

/**
 * jsPDF's width list of used glyphs, `[glyph id, [width], …]`: jsPDF looks up every character
 * written with `indexOf` (quadratic in the distinct characters); a map answers at once.
 */
class GlyphWidths extends Array<unknown> {
  private readonly positions = new Map<unknown, number>()
  override push(...items: unknown[]): number {
    if (this.length % 2 === 0 && !this.positions.has(items[0])) {
      this.positions.set(items[0], this.length)
    }
    return super.push(...items)
  }
  override indexOf(item: unknown): number {
    return this.positions.get(item) ?? -1
  }
}

/** Has `metadata` (a font jsPDF parsed from `font`) written by `putFont` below. */
export function embedWithoutJsPdf(metadata: object, font: PdfFont): void {
  ;(metadata as { Unicode: { widths: unknown[] } }).Unicode.widths = new GlyphWidths()
  ours.set(metadata, font)
}

/**
 * Deflates a font program ahead of writing, with the browser's native zlib (CompressionStream)
 * where there is one: for a first export the font is most of the bytes to compress, and native
 * code does it several times faster than JavaScript. The result is kept for the subset.
 */
export async function deflateFontProgram(font: PdfFont): Promise<void> {
  if (deflated.has(font) || typeof CompressionStream === 'undefined') return
  const stream = new Blob([font.bytes as BlobPart])
    .stream()
    .pipeThrough(new CompressionStream('deflate'))
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer())
  deflated.set(font, toBinaryString(bytes))
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0')
const pdfName = (name: string) =>
  name.replace(/[^\x21-\x7e]|[#%()/<>[\]{}]/g, (c) => `#${c.charCodeAt(0).toString(16)}`)

function toUnicodeCmap(map: Record<number, number>): string {
  const entries = Object.keys(map)
    .map(Number)
    .sort((a, b) => a - b)
    .map((glyph) => `<${hex4(glyph)}><${hex4(map[glyph]!)}>`)
  const blocks: string[] = []
  for (let i = 0; i < entries.length; i += 100) {
    const block = entries.slice(i, i + 100)
    blocks.push(`${block.length} beginbfchar\n${block.join('\n')}\nendbfchar`)
  }
  return [
    '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo <<\n  /Registry (Adobe)\n  /Ordering (UCS)\n  /Supplement 0\n>> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000><ffff>\nendcodespacerange',
    ...blocks,
    'endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend',
  ].join('\n')
}

function putFont({ font, out, newObject, putStream }: PutFontEvent) {
  const embedded = ours.get(font.metadata)
  if (!embedded || font.encoding !== 'Identity-H') return
  const { metadata } = font
  let program = deflated.get(embedded)
  if (program === undefined) {
    program = toBinaryString(zlibSync(embedded.bytes))
    deflated.set(embedded, program)
  }
  const fontFile = newObject()
  putStream({
    data: program,
    filters: [],
    alreadyAppliedFilters: ['/FlateDecode'],
    additionalKeyValues: [{ key: 'Length1', value: embedded.bytes.length }],
    objectId: fontFile,
  })
  out('endobj')
  const cmap = newObject()
  putStream({
    data: toUnicodeCmap(metadata.toUnicode),
    filters: ['FlateEncode'],
    alreadyAppliedFilters: [],
    additionalKeyValues: [],
    objectId: cmap,
  })
  out('endobj')
  const name = pdfName(font.fontName)
  const descriptor = newObject()
  out(
    `<<\n/Type /FontDescriptor\n/FontName /${name}\n/FontFile2 ${fontFile} 0 R\n/FontBBox ${API.PDFObject.convert(metadata.bbox)}\n/Flags ${metadata.flags}\n/StemV ${metadata.stemV}\n/ItalicAngle ${metadata.italicAngle}\n/Ascent ${metadata.ascender}\n/Descent ${metadata.decender}\n/CapHeight ${metadata.capHeight}\n>>`,
  )
  out('endobj')
  const descendant = newObject()
  out(
    `<<\n/Type /Font\n/BaseFont /${name}\n/FontDescriptor ${descriptor} 0 R\n/W ${API.PDFObject.convert(metadata.Unicode.widths)}\n/CIDToGIDMap /Identity\n/DW 1000\n/Subtype /CIDFontType2\n/CIDSystemInfo\n<<\n/Supplement 0\n/Registry (Adobe)\n/Ordering (Identity-H)\n>>\n>>`,
  )
  out('endobj')
  font.objectNumber = newObject()
  out(
    `<<\n/Type /Font\n/Subtype /Type0\n/ToUnicode ${cmap} 0 R\n/BaseFont /${name}\n/Encoding /Identity-H\n/DescendantFonts [${descendant} 0 R]\n>>`,
  )
  out('endobj')
  font.isAlreadyPutted = true
  // jsPDF's own Identity-H writer runs after this one and writes any Identity-H font again.
  font.encoding = 'Identity-H (written)'
}

// Ahead of jsPDF's handlers: each new document subscribes to these events last entry first, and
// runs them in that order.
API.events.push(['putFont', putFont])
