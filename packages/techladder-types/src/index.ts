export * from './generated/openapi.js'
export * from './generated/schemas.js'
export { specInfo } from './generated/spec-info.js'
