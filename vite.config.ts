import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

// Relative base: dist/ works from any sub-path of an existing site (e.g. /zwgk/nianbao/).
export default defineConfig({
  base: './',
  plugins: [vue()],
  build: {
    target: 'es2022',
  },
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.ts'],
  },
})
