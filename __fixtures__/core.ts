// Stand-ins for the parts of @actions/core the action uses, for unit tests that mock the module
// (`vi.mock('@actions/core', () => import('../__fixtures__/core.js'))`).
import { vi } from 'vitest'

export const debug = vi.fn<(message: string) => void>()
export const info = vi.fn<(message: string) => void>()
export const warning = vi.fn<(message: string) => void>()
export const error = vi.fn<(message: string) => void>()
export const setFailed = vi.fn<(message: string) => void>()
export const setSecret = vi.fn<(secret: string) => void>()
export const setOutput = vi.fn<(name: string, value: string) => void>()
export const getInput = vi.fn<(name: string) => string>(() => '')
