/** When a draft was saved, as the draft list and the restore preview show it (local time). */
export const formatSavedAt = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { dateStyle: 'medium', timeStyle: 'short' })
