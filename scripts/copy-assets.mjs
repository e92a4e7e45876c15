// Copies non-TypeScript assets (Handlebars templates, data lists) next to the compiled code in dist/.
import { cpSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.hbs') || name.endsWith('.txt')) cpSync(p, join('dist', p));
  }
}
for (const root of ['apps', 'libs']) walk(root);
