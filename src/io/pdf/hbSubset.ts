/**
 * Cuts a font down to the characters of one report with HarfBuzz's subsetter (harfbuzzjs wasm,
 * a few milliseconds) before jsPDF sees it: jsPDF then parses ~100 KB instead of 3–15 MB, and the
 * PDF gets smaller. The calls mirror `hb-subset --unicodes=… --layout-features=''`.
 */

import { timed } from './timing'

/** The raw exports of harfbuzz-subset.wasm that we call. */
interface HarfBuzz {
  memory: WebAssembly.Memory
  _initialize(): void
  malloc(size: number): number
  free(pointer: number): void
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number
  hb_blob_destroy(blob: number): void
  hb_blob_get_data(blob: number, length: number): number
  hb_blob_get_length(blob: number): number
  hb_face_create(blob: number, index: number): number
  hb_face_destroy(face: number): void
  hb_face_reference_blob(face: number): number
  hb_set_add(set: number, value: number): void
  hb_set_clear(set: number): void
  hb_subset_input_create_or_fail(): number
  hb_subset_input_destroy(input: number): void
  hb_subset_input_set(input: number, kind: number): number
  hb_subset_input_unicode_set(input: number): number
  hb_subset_or_fail(face: number, input: number): number
}

const HB_MEMORY_MODE_WRITABLE = 2
const HB_SUBSET_SETS_NAME_ID = 4
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6
/** Copyright, names, version, vendor, designer, licence text and URL (the OFL asks to keep them). */
const KEPT_NAME_IDS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14]

export type WasmSource = () => Promise<BufferSource>

let harfBuzz: Promise<HarfBuzz> | undefined

function instantiate(source: WasmSource): Promise<HarfBuzz> {
  harfBuzz ??= timed('wasm-fetch', source)
    .then((bytes) => timed('wasm-compile', () => WebAssembly.instantiate(bytes)))
    .then(({ instance }) => {
      const hb = instance.exports as unknown as HarfBuzz
      hb._initialize()
      return hb
    })
  harfBuzz.catch(() => (harfBuzz = undefined))
  return harfBuzz
}

/** Starts fetching and compiling HarfBuzz now (while the fonts download). */
export function preloadHarfBuzz(source: WasmSource): void {
  instantiate(source).catch(() => {}) // a failure surfaces again in subsetToText
}

/** A TrueType font holding only the glyphs of `text` (plus .notdef). */
export async function subsetToText(
  font: Uint8Array,
  text: string,
  source: WasmSource,
): Promise<Uint8Array> {
  const hb = await instantiate(source)
  return timed('subset', () => subsetWith(hb, font, text))
}

function subsetWith(hb: HarfBuzz, font: Uint8Array, text: string): Uint8Array {
  const heap = () => new Uint8Array(hb.memory.buffer) // memory may grow: never keep a view
  const input = hb.hb_subset_input_create_or_fail()
  const fontPointer = hb.malloc(font.byteLength)
  heap().set(font, fontPointer)
  const blob = hb.hb_blob_create(fontPointer, font.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0)
  const face = hb.hb_face_create(blob, 0)
  hb.hb_blob_destroy(blob)
  try {
    hb.hb_set_clear(hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG))
    const names = hb.hb_subset_input_set(input, HB_SUBSET_SETS_NAME_ID)
    for (const id of KEPT_NAME_IDS) hb.hb_set_add(names, id)
    const unicodes = hb.hb_subset_input_unicode_set(input)
    for (const char of text) hb.hb_set_add(unicodes, char.codePointAt(0)!)
    const subset = hb.hb_subset_or_fail(face, input)
    if (!subset) throw new Error('字体子集化失败')
    const result = hb.hb_face_reference_blob(subset)
    const offset = hb.hb_blob_get_data(result, 0)
    const bytes = heap().slice(offset, offset + hb.hb_blob_get_length(result))
    hb.hb_blob_destroy(result)
    hb.hb_face_destroy(subset)
    return bytes
  } finally {
    hb.hb_subset_input_destroy(input)
    hb.hb_face_destroy(face)
    hb.free(fontPointer)
  }
}
