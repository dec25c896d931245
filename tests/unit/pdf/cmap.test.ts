import { jsPDF } from 'jspdf'
import { expect, test } from 'vitest'
import { fontCoverage } from '../../../src/io/pdf/cmap'
import { diskFontSource, gb2312Hanzi } from './helpers'

// jsPDF's own TrueType parser, the reference: what it maps to glyph 0 it does not print.
const { TTFFont } = jsPDF.API as unknown as {
  TTFFont: { open(data: Uint8Array): { characterToGlyph(cp: number): number } }
}

const samples = [
  ...gb2312Hanzi(3755),
  ...'ASCII 0-9 ，。、；：？！（）《》“”‘’—…·〔〕【】％＋',
  ...'镕堃喆犇昇珺婠',
  '\u{20BB7}',
].map((c) => c.codePointAt(0)!)

test.each(['NotoSerifSC-Regular.ttf', 'NotoSerifSC-Bold-full.ttf'])(
  'the cmap reader agrees with jsPDF on %s',
  async (file) => {
    const bytes = await diskFontSource(file)
    const has = fontCoverage(bytes)
    const parsed = TTFFont.open(bytes)
    for (const cp of samples) {
      const name = `U+${cp.toString(16)}`
      expect(has(cp), name).toBe(cp <= 0xffff && parsed.characterToGlyph(cp) !== 0)
    }
  },
  30_000,
)

test('the GB2312 subset lacks 镕, the full font has it, neither has the BMP-external 𠮷', async () => {
  const subset = fontCoverage(await diskFontSource('NotoSerifSC-Regular.ttf'))
  const full = fontCoverage(await diskFontSource('NotoSerifSC-Regular-full.ttf'))
  expect([subset(0x9555), full(0x9555)]).toEqual([false, true])
  expect(subset('啊'.codePointAt(0)!)).toBe(true)
  expect(subset('—'.codePointAt(0)!) && subset('·'.codePointAt(0)!)).toBe(true)
})
