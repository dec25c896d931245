/**
 * Which characters a TrueType font can draw, read straight from its `cmap` table (Unicode
 * subtables of format 12 or 4). Far cheaper than parsing the whole 3–15 MB font with jsPDF just
 * to ask, before export, whether every character of the report is there.
 */

export type HasGlyph = (codePoint: number) => boolean

export function fontCoverage(font: Uint8Array): HasGlyph {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength)
  const u16 = (at: number) => view.getUint16(at)
  const u32 = (at: number) => view.getUint32(at)

  let cmap = -1
  for (let i = 0, n = u16(4); i < n; i++) {
    const record = 12 + 16 * i
    if (u32(record) === 0x636d6170 /* 'cmap' */) cmap = u32(record + 8)
  }
  if (cmap < 0) throw new Error('字体文件缺少 cmap 表')

  const subtables = new Map<number, number>() // format → offset of the first Unicode one
  for (let i = 0, n = u16(cmap + 2); i < n; i++) {
    const record = cmap + 4 + 8 * i
    const platform = u16(record)
    const encoding = u16(record + 2)
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10))
    const offset = cmap + u32(record + 4)
    const format = u16(offset)
    if (unicode && !subtables.has(format)) subtables.set(format, offset)
  }

  const format12 = subtables.get(12)
  if (format12 !== undefined) {
    const groups = u32(format12 + 12)
    return (cp) => {
      // Binary search over the sorted groups (startChar, endChar, startGlyph).
      let low = 0
      let high = groups - 1
      while (low <= high) {
        const mid = (low + high) >> 1
        const group = format12 + 16 + 12 * mid
        if (cp < u32(group)) high = mid - 1
        else if (cp > u32(group + 4)) low = mid + 1
        else return u32(group + 8) + cp - u32(group) !== 0
      }
      return false
    }
  }

  const format4 = subtables.get(4)
  if (format4 === undefined) throw new Error('字体文件缺少 Unicode 字符映射')
  const segments = u16(format4 + 6) / 2
  const ends = format4 + 14
  const starts = ends + 2 * segments + 2
  const deltas = starts + 2 * segments
  const rangeOffsets = deltas + 2 * segments
  return (cp) => {
    if (cp > 0xffff) return false
    let low = 0
    let high = segments - 1
    while (low < high) {
      const mid = (low + high) >> 1
      if (u16(ends + 2 * mid) < cp) low = mid + 1
      else high = mid
    }
    const start = u16(starts + 2 * low)
    if (cp < start || cp > u16(ends + 2 * low)) return false
    const delta = u16(deltas + 2 * low)
    const rangeOffset = u16(rangeOffsets + 2 * low)
    if (rangeOffset === 0) return ((cp + delta) & 0xffff) !== 0
    const glyph = u16(rangeOffsets + 2 * low + rangeOffset + 2 * (cp - start))
    return glyph !== 0 && ((glyph + delta) & 0xffff) !== 0
  }
}
