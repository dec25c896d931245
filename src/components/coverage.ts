import type { NarrativeSectionSpec, Report } from '../domain'

export interface ChecklistItem {
  readonly label: string
  /** null while the narrative rules cannot tell. */
  readonly covered: boolean | null
}

/** What a narrative section should cover, from the format data (ticks come from the rules). */
export function coverageOf(report: Report, section: NarrativeSectionSpec): ChecklistItem[] {
  void report
  return section.guidance.map((label) => ({ label, covered: null }))
}
