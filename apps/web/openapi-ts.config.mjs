// @hey-api/openapi-ts configuration for `npm run gen:client` (see docs/web.md, "The API client").
// The SDK never imports the zod schemas: they are used by the forms (page chunks) only, so zod
// stays out of the first load.
import { defineConfig } from '@hey-api/openapi-ts';

export default defineConfig({
  input: './var/openapi.json',
  output: 'apps/web/src/api/generated',
  plugins: [
    '@hey-api/client-fetch',
    '@hey-api/typescript',
    '@hey-api/sdk',
    // zod/mini: the same checks as `zod` at a fraction of the weight
    { name: 'zod', compatibilityVersion: 'mini' },
  ],
});
