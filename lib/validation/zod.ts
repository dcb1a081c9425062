import { z } from 'zod';

// The schemas here also run in the browser, under the newsroom's strict Content-Security-Policy
// (lib/site/security-headers.ts: no 'unsafe-eval'). Zod's compiled fast path first probes for
// `new Function`, and the browser reports that probe as a CSP violation even though zod catches
// it; without the probe zod checks the slower, plain way. Every shared schema imports z from here.
z.config({ jitless: true });

export { z };
