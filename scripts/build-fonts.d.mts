/** Types of scripts/build-fonts.mjs for the TypeScript tests that build the fonts on demand. */
export function subsetCharacters(): string
export function buildFonts(options?: { quiet?: boolean }): Promise<void>
