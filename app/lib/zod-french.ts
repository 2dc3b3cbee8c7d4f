import { z } from 'zod';

// Zod's built-in messages in French, for every schema without a message of its own. Imported by the env module,
// which every entry point (server, command-line tools, tests) loads first.
z.config(z.locales.fr());
