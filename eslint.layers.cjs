// The dependency order of the contexts (docs/architecture.md, "Layers"), enforced by
// no-restricted-imports: a lib imports only libs of lower layers, never its own layer's
// siblings or anything above; an app imports libs, never another app. Shared by
// eslint.config.mjs and the test that shows the rule failing (test/architecture/layers.spec.ts).

/** Lowest first. Libs in one layer are siblings: none imports another. */
const LAYERS = [
  ['platform'],
  ['identity'],
  ['surveys'],
  ['panel'],
  ['studies'],
  ['responses'],
  ['discussions', 'feedback', 'home-testing'],
  ['insights'],
  ['composition'],
];

const APPS = ['api', 'worker', 'cli'];

const DEEP_PATH = {
  group: ['**/libs/*/src/**', '../../libs/**', '../../../libs/**', '../../*/src/**', '../../../*/src/**', '../../../../*/src/**'],
  message: 'Import a context through @leadpanel/<ctx>, never by deep path.',
};

const order = LAYERS.map((l) => l.join(' | ')).join(' → ');

/** ESLint flat-config objects, one per lib and app, for source files (tests compose freely). */
function layerConfigs(testFiles) {
  const libs = LAYERS.flatMap((layer, i) =>
    layer.map((lib) => {
      const forbidden = LAYERS.slice(i)
        .flat()
        .filter((other) => other !== lib);
      const patterns = [DEEP_PATH];
      if (forbidden.length > 0) {
        patterns.push({
          group: forbidden.flatMap((other) => [`@leadpanel/${other}`, `@leadpanel/${other}/**`]),
          message: `libs/${lib} may import only lower layers (${order}); move the shared piece down, or let the upper context register with the lower one.`,
        });
      }
      return { files: [`libs/${lib}/src/**/*.ts`], ignores: testFiles, rules: { 'no-restricted-imports': ['error', { patterns }] } };
    }),
  );
  const apps = APPS.map((app) => ({
    files: [`apps/${app}/src/**/*.ts`],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            DEEP_PATH,
            {
              group: APPS.filter((other) => other !== app).flatMap((other) => [`**/${other}/src/**`, `**/apps/${other}/**`]),
              message: `apps/${app} may not import another app: what two apps share belongs in a lib (@leadpanel/composition composes the contexts).`,
            },
          ],
        },
      ],
    },
  }));
  return [...libs, ...apps];
}

module.exports = { LAYERS, APPS, DEEP_PATH, layerConfigs };
