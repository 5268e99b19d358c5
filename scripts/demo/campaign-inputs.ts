import type { CreateBatchInput, Provider } from 'voicebatch'

const FIRST = ['Ada', 'Alan', 'Grace', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken', 'Radia', 'Tim']

/** `count` made-up contacts on the 555 range (mock servers only: they call no one). */
export function demoContacts(count: number, phones?: readonly string[]) {
  const numbers = phones ?? Array.from({ length: count }, (_, index) => `+1415555${String(1000 + index)}`)
  return numbers.map((phone, index) => ({
    phone,
    name: `${FIRST[index % FIRST.length]} Demo ${index + 1}`,
    externalId: `C${String(index + 1).padStart(4, '0')}`,
    variables: { plan: index % 3 === 0 ? 'pro' : 'basic' },
  }))
}

/** One campaign per provider against the mock servers, with the options each provider needs. */
export function mockCampaigns(count: number, agentId: string): CreateBatchInput[] {
  const contacts = demoContacts(count)
  return [
    {
      provider: 'ultravox',
      agentId,
      name: 'Spring renewals',
      contacts,
      options: { medium: 'twilio', fromNumber: '+14155550100' },
    },
    {
      provider: 'techladder',
      agentId: 'agt-57949b14',
      name: 'Payment reminders',
      contacts,
      options: { versionId: 'pmt-667ddf271b', voice: 'Aria (en-IN)', concurrency: 4 },
    },
    {
      provider: 'truedy',
      agentId: 'agt_f9447372',
      name: 'Win-back',
      contacts,
      options: { phoneNumberIds: ['num_demo'], workingDays: [1, 2, 3, 4, 5, 6, 7] },
    },
  ]
}

/**
 * Live campaigns from the environment (real calls: use numbers you own). DEMO_PHONES (E.164,
 * comma-separated) and per provider: ULTRAVOX_AGENT_IDS + ULTRAVOX_FROM_NUMBER (+ ULTRAVOX_MEDIUM,
 * default twilio); TECHLADDER_AGENT_ID + TECHLADDER_VERSION_ID; TRUEDY_AGENT_ID + TRUEDY_PHONE_NUMBER_IDS.
 */
export function liveCampaigns(
  configured: readonly Provider[],
  environment = process.env,
): CreateBatchInput[] {
  const list = (name: string) =>
    (environment[name] ?? '')
      .split(',')
      .map((value) => value.trim())
      .filter((value) => value !== '')
  const phones = list('DEMO_PHONES')
  if (phones.length === 0)
    throw new Error('--live needs DEMO_PHONES: the numbers to call, E.164, comma-separated.')
  const contacts = demoContacts(phones.length, phones)
  const need = (name: string) => {
    const value = environment[name]
    if (!value) throw new Error(`--live needs ${name}.`)
    return value
  }
  const inputs: CreateBatchInput[] = []
  if (configured.includes('ultravox')) {
    const medium = (environment.ULTRAVOX_MEDIUM ?? 'twilio') as 'twilio' | 'telnyx' | 'plivo'
    inputs.push({
      provider: 'ultravox',
      agentId: list('ULTRAVOX_AGENT_IDS')[0],
      name: 'voicebatch demo',
      contacts,
      options: { medium, fromNumber: need('ULTRAVOX_FROM_NUMBER') },
    })
  }
  if (configured.includes('techladder')) {
    inputs.push({
      provider: 'techladder',
      agentId: need('TECHLADDER_AGENT_ID'),
      name: 'voicebatch demo',
      contacts,
      options: { versionId: need('TECHLADDER_VERSION_ID') },
    })
  }
  if (configured.includes('truedy')) {
    inputs.push({
      provider: 'truedy',
      agentId: need('TRUEDY_AGENT_ID'),
      name: 'voicebatch demo',
      contacts,
      options: { phoneNumberIds: list('TRUEDY_PHONE_NUMBER_IDS') },
    })
  }
  return inputs
}
