export { mockApiKeys, startMockServer } from './mock-server.js'
export { startRequestRecorder } from './request-recorder.js'
export type {
  Fault,
  FaultBehaviour,
  FaultMatch,
  MockProvider,
  MockServer,
  MockServerOptions,
  RequestLogEntry,
  RequestRecorder,
} from './types.js'
