// Builds the PDF fonts into public/fonts/ (gitignored; never committed):
//   NotoSerifSC-{Regular,Bold}.ttf       GB2312 + ASCII + common punctuation (~3 MB each), always
//                                        loaded by the PDF export;
//   NotoSerifSC-{Regular,Bold}-full.ttf  the complete fonts, fetched only when a report uses a
//                                        character outside GB2312 (rare names like 镕).
// jsPDF embeds only TrueType (glyf) fonts, so the TTF build of Noto Serif SC is the source.
// Skips all work when every output is newer than this script and the source fonts.
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const packageDir = dirname(require.resolve('@expo-google-fonts/noto-serif-sc/package.json'))
const outDir = join(root, 'public/fonts')

const WEIGHTS = [
  { name: 'Regular', source: '400Regular/NotoSerifSC_400Regular.ttf' },
  { name: 'Bold', source: '700Bold/NotoSerifSC_700Bold.ttf' },
]

/** Punctuation of Chinese official documents, some of it outside GB2312. */
const EXTRA_PUNCTUATION = '—–·•“”‘’…、。，；：？！（）《》〈〉【】〔〕「」『』〖〗～￥％×÷±≤≥℃№§'

/**
 * GB2312 (rows 0xA1–0xF7 × cells 0xA1–0xFE) decoded as GB18030, a superset that maps `—` and `·`
 * the way Windows and browsers do, plus ASCII, full-width forms and EXTRA_PUNCTUATION.
 */
export function subsetCharacters() {
  const decoder = new TextDecoder('gb18030')
  const chars = new Set()
  for (let code = 0x20; code < 0x7f; code++) chars.add(String.fromCharCode(code))
  for (let code = 0xff01; code <= 0xff5e; code++) chars.add(String.fromCharCode(code))
  for (const ch of EXTRA_PUNCTUATION) chars.add(ch)
  chars.add('\u3000')
  for (let lead = 0xa1; lead <= 0xf7; lead++) {
    for (let trail = 0xa1; trail <= 0xfe; trail++) {
      const ch = decoder.decode(new Uint8Array([lead, trail]))
      // Unassigned GB2312 positions decode to U+FFFD or into the private use area.
      if (ch.length === 1 && ch !== '\ufffd' && !(ch >= '\ue000' && ch <= '\uf8ff')) chars.add(ch)
    }
  }
  return [...chars].join('')
}

const newerThan = (output, inputs) =>
  existsSync(output) && inputs.every((input) => statSync(output).mtimeMs > statSync(input).mtimeMs)

export async function buildFonts({ quiet = false } = {}) {
  mkdirSync(outDir, { recursive: true })
  const script = fileURLToPath(import.meta.url)
  for (const weight of WEIGHTS) {
    const source = join(packageDir, weight.source)
    const subset = join(outDir, `NotoSerifSC-${weight.name}.ttf`)
    const full = join(outDir, `NotoSerifSC-${weight.name}-full.ttf`)
    if (!newerThan(subset, [source, script])) {
      const started = performance.now()
      const { default: subsetFont } = await import('subset-font')
      const data = await subsetFont(readFileSync(source), subsetCharacters(), {
        targetFormat: 'sfnt',
        // jsPDF does no shaping: layout tables (and the glyphs only they reach) are dead weight.
        keepFeatures: [],
        // Keep copyright, names, version, trademark, vendor, designer, licence text and URL.
        preserveNameIds: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14],
      })
      writeFileSync(subset, data)
      if (!quiet) {
        const ms = Math.round(performance.now() - started)
        console.log(`fonts: ${subset} (${(data.length / 1e6).toFixed(2)} MB, ${ms} ms)`)
      }
    }
    if (!newerThan(full, [source])) copyFileSync(source, full)
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildFonts()
