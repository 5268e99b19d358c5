/** Ultravox: pause and resume by PATCH `paused`, DELETE removes a batch; no cancel, no idempotency key. */
export const ultravoxCapabilities = {
  create: true,
  pause: true,
  resume: true,
  cancel: false,
  delete: true,
  schedule: false,
  scheduleEnd: true,
  idempotencyKey: false,
  maxContacts: null,
} as const
