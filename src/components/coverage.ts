import { narrativeCoverage, type NarrativeSectionSpec, type Report } from '../domain'

export interface ChecklistItem {
  readonly label: string
  readonly covered: boolean
}

/**
 * What a narrative section should cover (the format's guidance, plus the extra topics of a 人民政府)
 * and whether the text covers each, as the narrative rules judge it.
 */
export function coverageOf(report: Report, section: NarrativeSectionSpec): ChecklistItem[] {
  const topics = narrativeCoverage(report).find((c) => c.section === section.key)?.topics
  return (topics ?? section.guidance.map((topic) => ({ topic, covered: false }))).map((t) => ({
    label: t.topic,
    covered: t.covered,
  }))
}
