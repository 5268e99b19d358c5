import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { parse, stringify } from 'yaml'

export const REPO_ROOT = join(import.meta.dirname, '..', '..', '..')
export const PROVIDERS = ['techladder', 'truedy', 'ultravox'] as const

/** What a spec test needs of the repository: specs, lint rules, and each types package's stamp. */
const COPIED = [
  'specs',
  'redocly.yaml',
  '.changeset/config.json',
  ...PROVIDERS.map((name) => `packages/${name}-types/package.json`),
]

export interface TempSpecRepo {
  root: string
  git(...args: string[]): string
  commitAll(message: string): void
  readSpec(name: string): string
  writeSpec(name: string, text: string): void
  /** Rewrites `specs/<name>.yaml` through `mutate` on its parsed form (not committed). */
  mutateSpec(name: string, mutate: (document: SpecDocument) => void): void
  remove(): void
}

// biome-ignore lint/suspicious/noExplicitAny: test mutations reach into arbitrary OpenAPI nodes.
export type SpecDocument = any

/** A throwaway git repository holding a copy of the specs and stamps, committed once. */
export function createTempSpecRepo(prefix = 'voicebatch-spec-repo-'): TempSpecRepo {
  const root = mkdtempSync(join(tmpdir(), prefix))
  for (const path of COPIED) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    cpSync(join(REPO_ROOT, path), join(root, path), { recursive: true })
  }
  mkdirSync(join(root, '.changeset'), { recursive: true })
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      [
        '-c',
        'user.name=spec test',
        '-c',
        'user.email=spec@test.invalid',
        '-c',
        'commit.gpgsign=false',
        ...args,
      ],
      { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    )
  git('init', '--quiet', '--initial-branch=main')
  const repo: TempSpecRepo = {
    root,
    git,
    commitAll(message) {
      git('add', '--all')
      git('commit', '--quiet', '--allow-empty', '--message', message)
    },
    readSpec: (name) => readFileSync(join(root, 'specs', `${name}.yaml`), 'utf8'),
    writeSpec: (name, text) => writeFileSync(join(root, 'specs', `${name}.yaml`), text),
    mutateSpec(name, mutate) {
      const document = parse(readFileSync(join(REPO_ROOT, 'specs', `${name}.yaml`), 'utf8')) as SpecDocument
      mutate(document)
      repo.writeSpec(name, stringify(document, { lineWidth: 0 }))
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  }
  repo.commitAll('specs as in the repository')
  return repo
}
