/** Techladder documents create and read only: no pause, resume, cancel or delete. Up to 10,000 contacts. */
export const techladderCapabilities = {
  create: true,
  pause: false,
  resume: false,
  cancel: false,
  delete: false,
  schedule: false,
  scheduleEnd: false,
  idempotencyKey: false,
  maxContacts: 10_000,
} as const
