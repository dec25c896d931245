/**
 * Bytes of a Word document or web page → import outcome; `undefined` for anything else (the
 * spreadsheet reader takes it). Used by the Excel reader (files named or shaped otherwise) and
 * by the document worker, which carries no SheetJS and so starts quickly.
 */
import { importDocument, type ImportOutcome } from '../../domain'
import { LEGACY_WORD, UNREADABLE_WORD } from '../excel/limits'
import { decodeText, startsWith } from '../text'
import { isWordZip, readDocx } from './docx'
import { readHtml } from './html'

const isZip = (bytes: Uint8Array) => startsWith(bytes, 0x50, 0x4b)
const isOle = (bytes: Uint8Array) => startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)

/** A saved web page (or pasted page content), by name or by its first tag. */
const looksLikeHtml = (bytes: Uint8Array, fileName: string) =>
  /\.x?html?$/i.test(fileName) ||
  /^\s*<(!doctype html|html|head|body|meta|table|div|p)[\s>]/i.test(
    decodeText(bytes.subarray(0, 512)),
  )

export function readDocumentFile(bytes: Uint8Array, fileName: string): ImportOutcome | undefined {
  if (isOle(bytes))
    return /\.(doc|wps)$/i.test(fileName) ? { ok: false, error: LEGACY_WORD } : undefined
  if (isZip(bytes)) {
    if (!isWordZip(bytes))
      return /\.docx$/i.test(fileName) ? { ok: false, error: UNREADABLE_WORD } : undefined
    try {
      return importDocument(readDocx(bytes), 'Word 文档')
    } catch {
      return { ok: false, error: UNREADABLE_WORD }
    }
  }
  if (looksLikeHtml(bytes, fileName)) return importDocument(readHtml(decodeText(bytes)), '网页')
  return undefined
}
