/**
 * Patch of jsPDF 4.2's font subsetter: `GlyfTable.prototype.encode` builds the subset's glyf table
 * with `table = table.concat(glyph)` per glyph, which copies the whole table every time —
 * quadratic in the number of distinct characters (≈1 s for one report). This linear version
 * appends in place and returns the same arrays (tests/unit/pdf/glyfEncode.test.ts proves it).
 * jsPDF does not export GlyfTable; its prototype is reached through a parsed font's `glyf`.
 */

interface Glyph {
  encode(old2new: unknown): ArrayLike<number>
}
type Encode = (
  glyphs: Record<number, Glyph | null>,
  mapping: readonly number[],
  old2new: unknown,
) => { table: number[]; offsets: number[] }

interface GlyfTablePrototype {
  encode: Encode
  [ORIGINAL]?: Encode
}

const ORIGINAL = Symbol('jsPDF GlyfTable.encode')

export const linearEncode: Encode = (glyphs, mapping, old2new) => {
  const table: number[] = []
  const offsets: number[] = []
  for (const id of mapping) {
    offsets.push(table.length)
    const bytes = glyphs[id]?.encode(old2new)
    if (bytes) for (let i = 0; i < bytes.length; i++) table.push(bytes[i]!)
  }
  offsets.push(table.length)
  return { table, offsets }
}

const prototypeOf = (parsedFont: { glyf: object }) =>
  Object.getPrototypeOf(parsedFont.glyf) as GlyfTablePrototype

/** Installs the linear encode (once) on the GlyfTable class behind `parsedFont.glyf`. */
export function patchGlyfEncode(parsedFont: { glyf: object }): void {
  const proto = prototypeOf(parsedFont)
  if (proto[ORIGINAL]) return
  proto[ORIGINAL] = proto.encode
  proto.encode = linearEncode
}

/** jsPDF's own encode, for the test that compares both. */
export const originalGlyfEncode = (parsedFont: { glyf: object }): Encode =>
  prototypeOf(parsedFont)[ORIGINAL] ?? prototypeOf(parsedFont).encode
