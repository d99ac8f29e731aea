// The committed dist/ is exactly what the source builds: the runner runs dist/, never src/. After
// an edit of src/, `npm run bundle` and commit the result (the other tests run a fresh build).
import { it } from 'vitest'
import { buildDist } from './helpers/action.js'
import { DIST } from './helpers/action-process.mjs'
import { expectCommittedBuild } from './helpers/built-files.js'

it('the committed dist/ is what the source builds, file for file', () => {
  expectCommittedBuild(DIST, buildDist(), 'run `npm run bundle` and commit dist/')
})
