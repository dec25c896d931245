/** DOM ids shared by the tables, the text boxes and the findings panel that jumps to them. */
import { sentenceRange, type Finding } from '../domain'

export const cellDomId = (cellId: string) => `cell-${cellId.replaceAll('.', '-')}`
export const sectionDomId = (section: string) => `section-${section}`
export const narrativeDomId = (section: string) => `narrative-${section}`
export const META_FORM_ID = 'report-info'

/** Scrolls the window so that every element is visible if they fit, else the first one centred. */
function revealAll(elements: readonly HTMLElement[]) {
  const rects = elements.map((e) => e.getBoundingClientRect())
  const top = Math.min(...rects.map((r) => r.top))
  const bottom = Math.max(...rects.map((r) => r.bottom))
  // Room left for the sticky toolbar above and a margin below.
  const room = window.innerHeight - 120
  if (bottom - top <= room) {
    window.scrollBy({ top: (top + bottom) / 2 - (window.innerHeight + 60) / 2, behavior: 'auto' })
  } else {
    elements[0]!.scrollIntoView({ block: 'center', behavior: 'auto' })
  }
}

/** Selects the sentence a text-vs-table finding quotes in its text box. */
function selectSentence(finding: Finding): boolean {
  if (!finding.sentence || !finding.section || finding.section === 'meta') return false
  const box = document.getElementById(narrativeDomId(finding.section))
  if (!(box instanceof HTMLTextAreaElement)) return false
  const range = sentenceRange(box.value, finding.sentence)
  box.scrollIntoView({ block: 'center', behavior: 'auto' })
  box.focus({ preventScroll: true })
  if (range) {
    box.setSelectionRange(range[0], range[1])
    // The browser does not scroll a text box to a selection it did not make: bring it near the
    // top, placed by its share of the text (lines wrap, so this is an estimate).
    const share = range[0] / Math.max(1, box.value.length)
    box.scrollTop = Math.max(0, share * box.scrollHeight - box.clientHeight / 4)
  }
  return true
}

/**
 * Goes where a finding points: the sentence it quotes (selected in its text box), else its cells
 * (all brought into view, the first — the one most likely wrong — focused), else its text box or
 * the report information.
 */
export function focusFinding(finding: Finding): boolean {
  if (selectSentence(finding)) return true
  const cells = finding.cells
    .map((id) => document.getElementById(cellDomId(id)))
    .filter((e): e is HTMLElement => e !== null)
  if (cells.length) {
    revealAll(cells)
    cells[0]!.focus({ preventScroll: true })
    return true
  }
  const id =
    finding.section === 'meta'
      ? META_FORM_ID
      : finding.section
        ? narrativeDomId(finding.section)
        : undefined
  const target = id ? document.getElementById(id) : null
  if (!target) return false
  target.scrollIntoView({ block: 'center', behavior: 'auto' })
  target.focus({ preventScroll: true })
  return true
}
