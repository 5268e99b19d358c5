/** A spec that cannot be generated from: names the file, the JSON pointer and the reason. */
export class SpecError extends Error {
  constructor(
    readonly file: string,
    readonly pointer: string,
    readonly reason: string,
  ) {
    super(`${file}#${pointer}: ${reason}`)
    this.name = 'SpecError'
  }
}
