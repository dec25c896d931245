import { expect, test } from 'vitest'
import { TTFFont } from '../../../src/io/pdf/fonts'
import { linearEncode, originalGlyfEncode, patchGlyfEncode } from '../../../src/io/pdf/glyfEncode'
import { diskFontSource } from './helpers'

interface ParsedFont {
  characterToGlyph(codePoint: number): number
  glyf: { glyphFor(id: number): unknown }
}

test('the linear GlyfTable.encode returns exactly what jsPDF’s own returns', async () => {
  const font = TTFFont.open(
    await diskFontSource('NotoSerifSC-Regular.ttf'),
  ) as unknown as ParsedFont
  // 400 glyphs: GB2312 hanzi from 啊 on, plus .notdef (jsPDF's quadratic original is slow).
  const decoder = new TextDecoder('gb18030')
  const ids = [0]
  for (let lead = 0xb0; ids.length < 400; lead++) {
    for (let trail = 0xa1; trail <= 0xfe; trail++) {
      const id = font.characterToGlyph(
        decoder.decode(new Uint8Array([lead, trail])).codePointAt(0)!,
      )
      if (id && ids.length < 400) ids.push(id)
    }
  }
  const glyphs = Object.fromEntries(ids.map((id) => [id, font.glyf.glyphFor(id)]))
  const original = originalGlyfEncode(font)
  const expected = original.call(font.glyf, glyphs as never, ids, {})
  expect(expected.table.length).toBeGreaterThan(20_000)
  expect(linearEncode(glyphs as never, ids, {})).toEqual(expected)

  patchGlyfEncode(font)
  const proto = Object.getPrototypeOf(font.glyf) as { encode: unknown }
  expect(proto.encode).toBe(linearEncode)
  expect(originalGlyfEncode(font)).toBe(original)
  patchGlyfEncode(font) // installing twice keeps jsPDF's original reachable
  expect(originalGlyfEncode(font)).toBe(original)
}, 60_000)
