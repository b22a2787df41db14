import { z } from 'zod';

// zod compiles object parsers with `new Function` when it may; the Content-Security-Policy
// forbids eval, so its probe only raises a violation report on every page. Ask it not to try.
z.config({ jitless: true });
