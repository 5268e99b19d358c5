import type { CheckedSpec } from './validate-spec.ts'

/** The spec's identity as a runtime constant, so users can log which API version they were built against. */
export function renderSpecInfo(spec: CheckedSpec): string {
  const info = {
    provider: spec.name,
    file: spec.file,
    title: spec.document.info.title,
    version: spec.document.info.version,
    sha256: spec.sha256,
  }
  return `export const specInfo = ${JSON.stringify(info, null, 2)} as const\n`
}
