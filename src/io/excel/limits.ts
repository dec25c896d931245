/** Import limits and their messages, shared by the page (before reading) and the worker. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024

export const tooLargeMessage = (bytes: number) =>
  `文件大小为 ${(bytes / 1024 / 1024).toFixed(1)} MB，超过 20 MB 的上限，没有读取。年度报告的表格通常不到 1 MB，请确认选择的文件是否正确。`
export const EMPTY_FILE = '这个文件是空的（0 字节），没有可导入的内容。'
export const UNREADABLE =
  '无法读取这个文件：它已损坏，或不是 Excel、WPS 表格、CSV、Word 文档、网页或本工具导出的文件。'
export const PASSWORD_PROTECTED =
  '文件设有密码，请先取消密码：在 Excel 或 WPS 中打开它，取消“用密码进行加密”后保存，再导入。'
export const UNREADABLE_WORD = '无法读取这个 Word 文档：文件已损坏，或不是 .docx 格式。'
export const LEGACY_WORD =
  '这是旧版 Word 文档（.doc）或 WPS 文字文档（.wps），无法直接读取。请在 Word 或 WPS 中“另存为” .docx 后再导入。'
export const WORKER_FAILED = '读取文件时出错，文件可能已损坏。'
export const TIMEOUT_MESSAGE =
  '读取文件用时过长，已停止。文件可能过于复杂或已损坏，请另存为较小的 Excel 文件后再试。'
