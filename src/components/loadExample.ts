import { exampleReport } from '../domain'
import type { DraftStore } from '../stores/draft'

/** 「载入示例」: the built-in example opens as a new draft, so no existing work is touched. */
export const loadExample = (draft: DraftStore): boolean => draft.createDraft(exampleReport())
