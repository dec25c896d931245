/**
 * PDF export, loaded lazily (jsPDF, HarfBuzz and the fonts are fetched only when the user exports).
 * Checks every printed character against the fonts first: jsPDF silently drops characters a font
 * lacks, so a rare character fetches the full font, and one even that lacks is reported.
 */
import wasmUrl from 'harfbuzzjs/dist/harfbuzz-subset.wasm?url'
import type { Finding, Report } from '../../domain'
import {
  missingCharacters,
  printedTexts,
  reportContent,
  type MissingCharacter,
  type PrintedText,
} from './content'
import {
  fetchFontSource,
  fontFileName,
  loadFont,
  toBinaryString,
  type FontCoverage,
  type FontSource,
  type FontWeight,
  type LoadedFont,
  type PdfFont,
} from './fonts'
import { deflateFontProgram } from './fontStream'
import { preloadHarfBuzz, subsetToText, type WasmSource } from './hbSubset'
import { DRAFT_MARK, renderReport } from './render'
import { timed } from './timing'

export { DRAFT_MARK }
export type { MissingCharacter }

export type PdfProgress =
  | { readonly stage: 'fonts'; readonly fraction: number }
  | { readonly stage: 'fullFonts'; readonly fraction: number }
  | { readonly stage: 'render' }

export interface PdfExportOptions {
  /** Current findings: any open `error` prints the draft mark on every page. */
  readonly findings?: readonly Finding[]
  readonly onProgress?: (progress: PdfProgress) => void
  /** Print characters no font has as 〓 (the printer's mark for a missing character). */
  readonly replaceMissing?: boolean
  /** Where fonts and the HarfBuzz wasm come from (tests read them from disk). */
  readonly fontSource?: FontSource
  readonly wasmSource?: WasmSource
}

export type PdfExportResult =
  | {
      readonly ok: true
      readonly bytes: Uint8Array<ArrayBuffer>
      readonly pages: number
      readonly draft: boolean
      readonly usedFullFont: boolean
      readonly replaced: readonly MissingCharacter[]
    }
  | { readonly ok: false; readonly missing: readonly MissingCharacter[] }

export const MISSING_MARK = '〓'

const fetchWasm: WasmSource = async () => {
  const response = await fetch(wasmUrl)
  if (!response.ok) throw new Error(`排版组件下载失败（${response.status}）`)
  return response.arrayBuffer()
}

type Fonts = Record<FontWeight, LoadedFont>

/**
 * The last subset cut from each font, by its characters: the next export of the same report (or
 * one edited without new characters) reuses it, and with it the deflated font (fontStream.ts).
 */
const lastSubset = new WeakMap<Uint8Array, { characters: string; font: PdfFont }>()
const WEIGHTS: readonly FontWeight[] = ['normal', 'bold']
const weightOf = (text: PrintedText): FontWeight => (text.bold ? 'bold' : 'normal')

/**
 * Loads what every export needs — the two GB2312 fonts (fetched, cmap read) and HarfBuzz
 * (compiled) — so that the first export of a visit does only the report's own work. The app calls
 * it when the browser is idle with a draft open; the fonts come from the service worker's cache.
 */
export async function prepareExport(
  options: Pick<PdfExportOptions, 'fontSource' | 'wasmSource'> = {},
): Promise<void> {
  preloadHarfBuzz(options.wasmSource ?? fetchWasm)
  const source = options.fontSource ?? fetchFontSource
  await Promise.all(WEIGHTS.map((weight) => loadFont(source, weight, 'subset')))
}

export async function exportPdf(
  report: Report,
  options: PdfExportOptions = {},
): Promise<PdfExportResult> {
  const source = options.fontSource ?? fetchFontSource
  const wasm = options.wasmSource ?? fetchWasm
  const progress = options.onProgress ?? (() => {})
  preloadHarfBuzz(wasm)

  const load = async (coverage: FontCoverage, weights: readonly FontWeight[]) => {
    const stage = coverage === 'subset' ? 'fonts' : 'fullFonts'
    const fractions: Record<string, number> = {}
    progress({ stage, fraction: 0 })
    const fonts = await Promise.all(
      weights.map((weight) =>
        loadFont(source, weight, coverage, (fraction) => {
          fractions[weight] = fraction
          const sum = Object.values(fractions).reduce((a, b) => a + b, 0)
          progress({ stage, fraction: sum / weights.length })
        }),
      ),
    )
    return Object.fromEntries(weights.map((w, i) => [w, fonts[i]])) as Partial<Fonts>
  }

  let content = reportContent(report)
  let texts = printedTexts(content)
  const fonts = (await load('subset', WEIGHTS)) as Fonts
  const missingIn = (f: Fonts) =>
    missingCharacters(texts, (cp, bold) => f[bold ? 'bold' : 'normal'].has(cp))
  let missing = missingIn(fonts)
  let usedFullFont = false
  if (missing.length > 0) {
    const chars = new Set(missing.map((m) => m.char))
    const needed = WEIGHTS.filter((w) =>
      texts.some((t) => weightOf(t) === w && [...t.text].some((c) => chars.has(c))),
    )
    Object.assign(fonts, await load('full', needed))
    usedFullFont = true
    missing = missingIn(fonts)
  }
  if (missing.length > 0) {
    if (!options.replaceMissing) return { ok: false, missing }
    content = reportContent(replaceCharacters(report, missing))
    texts = printedTexts(content)
  }

  progress({ stage: 'render' })
  const forPdf = async (weight: FontWeight): Promise<PdfFont> => {
    const used = texts.filter((t) => weightOf(t) === weight).map((t) => t.text)
    // Page numbers and the draft mark are drawn too: digits, dashes and the mark's characters.
    const characters = [...new Set([...used, '0123456789— ', DRAFT_MARK].join(''))].sort().join('')
    const source = fonts[weight].bytes
    const kept = lastSubset.get(source)
    if (kept?.characters === characters) return kept.font
    const bytes = await subsetToText(source, characters, wasm)
    const font = {
      file: fontFileName(weight, 'subset'),
      bytes,
      binary: timed('binary', () => toBinaryString(bytes)),
    }
    await timed('deflate-font', () => deflateFontProgram(font))
    lastSubset.set(source, { characters, font })
    return font
  }
  const [regular, bold] = await Promise.all(WEIGHTS.map(forPdf))
  const draft = (options.findings ?? []).some((f) => f.severity === 'error')
  const doc = renderReport(content, {
    regular: regular!,
    bold: bold!,
    agencyName: report.meta.agencyName,
    draft,
  })
  return {
    ok: true,
    bytes: timed('output', () => new Uint8Array(doc.output('arraybuffer'))),
    pages: doc.getNumberOfPages(),
    draft,
    usedFullFont,
    replaced: missing,
  }
}

/** The report with every missing character of its own text (name, narrative) replaced by 〓. */
function replaceCharacters(report: Report, missing: readonly MissingCharacter[]): Report {
  const chars = new Set(missing.map((m) => m.char))
  const clean = (text: string) => [...text].map((c) => (chars.has(c) ? MISSING_MARK : c)).join('')
  const narrative = Object.fromEntries(
    Object.entries(report.narrative).map(([key, text]) => [key, clean(text)]),
  ) as Report['narrative']
  return {
    ...report,
    meta: { ...report.meta, agencyName: clean(report.meta.agencyName) },
    narrative,
  }
}
