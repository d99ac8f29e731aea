import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { realDependencies } from '../src/dependencies.js'

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('the real dependencies', () => {
  it('read inputs the way the runner passes them', () => {
    vi.stubEnv('INPUT_SDK-APP-ID', ' 1400000000 ')
    expect(realDependencies().core.getInput('sdk-app-id')).toBe('1400000000')
  })

  it('tell the time, wait and draw jitter', async () => {
    const { clock } = realDependencies()
    const before = Date.now()
    expect(clock.now()).toBeGreaterThanOrEqual(before)
    await clock.sleep(20)
    expect(Date.now() - before).toBeGreaterThanOrEqual(19)
    const draw = clock.random()
    expect(draw).toBeGreaterThanOrEqual(0)
    expect(draw).toBeLessThan(1)
  })

  it('read the event file, and append to the job summary the runner names', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deps-'))
    writeFileSync(join(dir, 'event.json'), '{"action":"published"}')
    const summary = join(dir, 'summary.md')
    writeFileSync(summary, '# earlier step\n')
    vi.stubEnv('GITHUB_STEP_SUMMARY', summary)
    const deps = realDependencies()
    expect(deps.readFile(join(dir, 'event.json'))).toBe('{"action":"published"}')
    deps.writeSummary('## this step')
    expect(readFileSync(summary, 'utf8')).toBe('# earlier step\n## this step\n')
    expect(deps.env.GITHUB_STEP_SUMMARY).toBe(summary)
  })

  it('write no summary outside a runner', () => {
    vi.stubEnv('GITHUB_STEP_SUMMARY', '')
    expect(() => {
      realDependencies().writeSummary('## nowhere')
    }).not.toThrow()
  })
})
