import type { DraftStore } from '../stores/draft'

/**
 * 「载入示例」: the built-in example opens as a new draft, so no existing work is touched. The
 * example (and the sample text behind it) loads on first use.
 */
export async function loadExample(draft: DraftStore): Promise<boolean> {
  const { exampleReport } = await import('../domain/samples/example')
  return draft.createDraft(exampleReport())
}
