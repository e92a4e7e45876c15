import { readdirSync } from 'node:fs';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';

// eslint.config.mjs spreads these same objects; this file runs them on probe sources, without
// type information (no-restricted-imports needs none)
const layers = require('../../eslint.layers.cjs') as {
  LAYERS: string[][];
  layerConfigs: (testFiles: string[]) => Linter.Config[];
};

const linter = new Linter({ configType: 'flat', cwd: process.cwd() });
const config: Linter.Config[] = [
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as Linter.Parser } },
  ...layers.layerConfigs(['test/**/*.ts', '**/*.spec.ts']),
];

/** The no-restricted-imports messages for `code` placed at `filename` (relative to the root). */
function restricted(filename: string, code: string): string[] {
  return linter
    .verify(code, config, { filename: `${process.cwd()}/${filename}` })
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('the contexts’ dependency order (eslint.layers.cjs)', () => {
  it.each([
    ['libs/surveys/src/probe.ts', '@leadpanel/panel'],
    ['libs/panel/src/probe.ts', '@leadpanel/studies'],
    ['libs/studies/src/probe.ts', '@leadpanel/responses'],
    ['libs/identity/src/x/probe.ts', '@leadpanel/insights'],
    ['libs/platform/src/probe.ts', '@leadpanel/identity'],
    ['libs/insights/src/probe.ts', '@leadpanel/composition'],
  ])('%s importing %s (upward) fails lint, naming the order', (file, target) => {
    const messages = restricted(file, `import { x } from '${target}';\nexport const y = x;\n`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('may import only lower layers (platform → identity → surveys → panel → studies');
  });

  it('siblings in one layer do not import each other', () => {
    expect(restricted('libs/feedback/src/probe.ts', `import { x } from '@leadpanel/discussions';\nexport const y = x;\n`)).toHaveLength(1);
    expect(restricted('libs/home-testing/src/probe.ts', `import { x } from '@leadpanel/feedback';\nexport const y = x;\n`)).toHaveLength(1);
  });

  it.each([
    ['libs/panel/src/probe.ts', '@leadpanel/surveys'],
    ['libs/home-testing/src/probe.ts', '@leadpanel/responses'],
    ['libs/insights/src/probe.ts', '@leadpanel/feedback'],
    ['libs/composition/src/probe.ts', '@leadpanel/insights'],
    ['apps/worker/src/probe.ts', '@leadpanel/composition'],
  ])('%s importing %s (downward) passes', (file, target) => {
    expect(restricted(file, `import { x } from '${target}';\nexport const y = x;\n`)).toEqual([]);
  });

  it('an app importing another app fails lint; a test composing them does not', () => {
    const cli = restricted('apps/cli/src/probe.ts', `import { ApiModule } from '../../api/src/api.module';\nexport const y = ApiModule;\n`);
    expect(cli).toContainEqual(expect.stringContaining('apps/cli may not import another app'));
    expect(
      restricted(
        'test/support/probe.ts',
        `import { WorkerModule } from '../../apps/worker/src/worker.module';\nexport const y = WorkerModule;\n`,
      ),
    ).toEqual([]);
  });

  it('a deep path into a context fails lint in every lib and app', () => {
    expect(
      restricted('libs/studies/src/probe.ts', `import { x } from '../../panel/src/panel.module';\nexport const y = x;\n`),
    ).toHaveLength(1);
    expect(restricted('libs/studies/src/a/b/probe.ts', `import { x } from '../../domain/criteria';\nexport const y = x;\n`)).toEqual([]);
    expect(
      restricted('libs/studies/src/probe.ts', `import { x } from '../../../libs/panel/src/panel.module';\nexport const y = x;\n`),
    ).toHaveLength(1);
    expect(
      restricted('apps/api/src/probe.ts', `import { x } from '../../../libs/panel/src/panel.module';\nexport const y = x;\n`),
    ).toHaveLength(1);
  });

  it('every lib in libs/ has its layer', () => {
    expect(readdirSync('libs').sort()).toEqual(layers.LAYERS.flat().sort());
  });
});
