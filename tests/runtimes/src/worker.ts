import { runSmoke } from './smoke.js'
import type { SmokeConfig } from './smoke-config.js'

/** workerd: POST the config, get the report. */
export default {
  async fetch(request: Request): Promise<Response> {
    return Response.json(await runSmoke((await request.json()) as SmokeConfig))
  },
}
