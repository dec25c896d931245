/**
 * A GBK encoder for test fixtures, built by inverting the platform's GBK decoder over the
 * two-byte code space (no encoding library needed).
 */
let table: Map<string, number[]> | undefined

function buildTable() {
  const decoder = new TextDecoder('gbk')
  const map = new Map<string, number[]>()
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue
      const ch = decoder.decode(new Uint8Array([lead, trail]))
      if (ch.length === 1 && ch !== '\ufffd' && !map.has(ch)) map.set(ch, [lead, trail])
    }
  }
  return map
}

export function encodeGbk(text: string): Uint8Array {
  table ??= buildTable()
  const bytes: number[] = []
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    if (code < 0x80) bytes.push(code)
    else {
      const pair = table.get(ch)
      if (!pair) throw new Error(`not in GBK: ${ch}`)
      bytes.push(...pair)
    }
  }
  return new Uint8Array(bytes)
}
