/** Truedy: pause, resume (201), schedule, bulk delete; creates take `X-Idempotency-Key`; no cancel. */
export const truedyCapabilities = {
  create: true,
  pause: true,
  resume: true,
  cancel: false,
  delete: true,
  schedule: true,
  scheduleEnd: false,
  idempotencyKey: true,
  maxContacts: null,
} as const
