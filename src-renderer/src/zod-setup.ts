// Must run before any zod schema is built (main.tsx imports it first). zod's object parser probes
// `new Function` to decide whether it may compile a fast path; under our CSP (no 'unsafe-eval')
// that probe is reported as a CSP violation even though zod catches it. jitless skips the probe.
import { z } from 'zod';

z.config({ jitless: true });
