/** Shared by the PDF tests: fonts from public/fonts/ (built on demand) and text extraction. */
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { buildFonts } from '../../../scripts/build-fonts.mjs'
import type { Report } from '../../../src/domain'
import { exampleReport } from '../../../src/domain/samples/example'
import { DRAFT_MARK, type PdfExportOptions } from '../../../src/io/pdf'
import type { FontSource } from '../../../src/io/pdf/fonts'
import type { WasmSource } from '../../../src/io/pdf/hbSubset'

const fontsDir = fileURLToPath(new URL('../../../public/fonts/', import.meta.url))

let fontsBuilt: Promise<void> | undefined

/** Reads public/fonts/, building the fonts first (a no-op when they are up to date). */
export const diskFontSource: FontSource = async (file, onProgress) => {
  await (fontsBuilt ??= buildFonts({ quiet: true }))
  const bytes = new Uint8Array(await readFile(fontsDir + file))
  onProgress?.(1)
  return bytes
}

export const diskWasmSource: WasmSource = () =>
  readFile(fileURLToPath(import.meta.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')))

/** Export options that read fonts and wasm from disk instead of fetching them. */
export const fromDisk: Pick<PdfExportOptions, 'fontSource' | 'wasmSource'> = {
  fontSource: diskFontSource,
  wasmSource: diskWasmSource,
}

export interface PdfTextItem {
  readonly page: number
  readonly str: string
  readonly x: number
  readonly y: number
}

export interface PdfText {
  readonly items: readonly PdfTextItem[]
  /**
   * The items of all pages concatenated without separators, page numbers and the draft mark left
   * out: paragraphs broken over pages and labels wrapped in cells read whole again.
   */
  readonly joined: string
  readonly pages: number
  readonly info: Record<string, unknown>
}

/** Text as a PDF reader extracts it (pdfjs-dist, the engine of Firefox's viewer). */
export async function extractText(bytes: Uint8Array): Promise<PdfText> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const pdf = await pdfjs.getDocument({ data: bytes.slice(), useSystemFonts: false }).promise
  const items: PdfTextItem[] = []
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n)
    const content = await page.getTextContent()
    for (const item of content.items) {
      if ('str' in item && item.str !== '') {
        items.push({ page: n, str: item.str, x: item.transform[4], y: item.transform[5] })
      }
    }
  }
  const { info } = await pdf.getMetadata()
  await pdf.destroy()
  return {
    items,
    joined: items
      .map((i) => i.str)
      .filter((s) => !/^— \d+ —$/.test(s) && s !== DRAFT_MARK)
      .join(''),
    pages: pdf.numPages,
    info: info as Record<string, unknown>,
  }
}

/** The first `count` hanzi of GB2312 (level 1, in code order from 啊). */
export function gb2312Hanzi(count: number): string[] {
  const decoder = new TextDecoder('gb18030')
  const hanzi: string[] = []
  for (let lead = 0xb0; hanzi.length < count; lead++) {
    for (let trail = 0xa1; trail <= 0xfe && hanzi.length < count; trail++) {
      hanzi.push(decoder.decode(new Uint8Array([lead, trail])))
    }
  }
  return hanzi
}

/**
 * The example with a narrative of 2,000 distinct characters in sentences of 9–30 characters, so
 * commas and full stops land at every position of a line; paragraphs of about 300 characters.
 */
export function longReport(): Report {
  const hanzi = gb2312Hanzi(2000)
  const sentences: string[] = []
  for (let i = 0, n = 9; i < hanzi.length; i += n, n = 9 + ((n * 7) % 22)) {
    sentences.push(hanzi.slice(i, i + n).join('') + (sentences.length % 3 === 2 ? '。' : '，'))
  }
  const report = exampleReport()
  report.narrative.overview = sentences.join('').replace(/(.{300}。)/g, '$1\n')
  return report
}
