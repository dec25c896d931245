/** DOM ids shared by the tables, the text boxes and the findings panel that jumps to them. */
import type { Finding } from '../domain'

export const cellDomId = (cellId: string) => `cell-${cellId.replaceAll('.', '-')}`
export const sectionDomId = (section: string) => `section-${section}`
export const narrativeDomId = (section: string) => `narrative-${section}`
export const META_FORM_ID = 'report-info'

/** Scrolls to and focuses where a finding points: its first cell, its text box or the info. */
export function focusFinding(finding: Finding): boolean {
  const first = finding.cells[0]
  const id = first
    ? cellDomId(first)
    : finding.section === 'meta'
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
