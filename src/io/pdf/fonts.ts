/**
 * The PDF fonts: Noto Serif SC Regular and Bold (SIL OFL 1.1), built by scripts/build-fonts.mjs
 * into public/fonts/. The GB2312 subsets (~3 MB each) serve almost every report; the full fonts
 * (~15 MB each) are fetched only when a report uses a character the subset lacks.
 * Fetched and parsed fonts stay cached for the session.
 */
import { fetchAppFile } from '../hosting'
import { fontCoverage } from './cmap'
import { timed } from './timing'

export type FontWeight = 'normal' | 'bold'
export type FontCoverage = 'subset' | 'full'

export const FONT_FAMILY = 'NotoSerifSC'

export const fontFileName = (weight: FontWeight, coverage: FontCoverage) =>
  `NotoSerifSC-${weight === 'bold' ? 'Bold' : 'Regular'}${coverage === 'full' ? '-full' : ''}.ttf`

/** Reads a font file; `onProgress` gets the fraction loaded (0–1) when the size is known. */
export type FontSource = (
  file: string,
  onProgress?: (fraction: number) => void,
) => Promise<Uint8Array>

export interface LoadedFont {
  readonly file: string
  readonly bytes: Uint8Array
  /** False for code points the font cannot draw (jsPDF would silently drop them). */
  has(codePoint: number): boolean
}

/** A font ready for jsPDF, whose virtual file system takes TrueType data as a binary string. */
export interface PdfFont {
  readonly file: string
  readonly bytes: Uint8Array
  readonly binary: string
}

/** Fetches from `fonts/` next to the app, reporting progress from the response stream. */
export const fetchFontSource: FontSource = async (file, onProgress) => {
  const response = await fetchAppFile(`fonts/${file}`)
  if (!response.ok) throw new Error(`字体文件 ${file} 下载失败（${response.status}）`)
  const total = Number(response.headers.get('content-length')) || 0
  if (!response.body || !total || !onProgress) return new Uint8Array(await response.arrayBuffer())
  const bytes = new Uint8Array(total)
  const reader = response.body.getReader()
  let loaded = 0
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    bytes.set(chunk.value, loaded)
    loaded += chunk.value.length
    onProgress(loaded / total)
  }
  return bytes.subarray(0, loaded)
}

export const toBinaryString = (bytes: Uint8Array): string => {
  const parts: string[] = []
  // `apply` on typed-array chunks: spreading them is ~15× slower.
  for (let i = 0; i < bytes.length; i += 0x2000) {
    parts.push(
      String.fromCharCode.apply(null, bytes.subarray(i, i + 0x2000) as unknown as number[]),
    )
  }
  return parts.join('')
}

const cache = new Map<string, Promise<LoadedFont>>()

export function loadFont(
  source: FontSource,
  weight: FontWeight,
  coverage: FontCoverage,
  onProgress?: (fraction: number) => void,
): Promise<LoadedFont> {
  const file = fontFileName(weight, coverage)
  let font = cache.get(file)
  if (!font) {
    font = timed('font-fetch', () => source(file, onProgress)).then((bytes) => {
      const covers = timed('cmap', () => fontCoverage(bytes))
      // jsPDF encodes text as UTF-16 code units: characters beyond the BMP never print.
      const has = (cp: number) => cp <= 0xffff && covers(cp)
      return { file, bytes, has }
    })
    // A failed download is not cached: the next export tries again.
    font.catch(() => cache.delete(file))
    cache.set(file, font)
  }
  return font
}

/** Forgets loaded fonts (for benchmarks of a cold export). */
export const clearFontCache = () => cache.clear()
