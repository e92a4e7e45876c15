/** Source of a generated migration: the SQL TypeORM derives from the entities, up and down. */
export function migrationSource(className: string, up: string[], down: string[]): string {
  const lines = (qs: string[]) => qs.map((q) => `    await queryRunner.query(${JSON.stringify(q)});`).join('\n');
  return `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines([...down].reverse())}
  }
}
`;
}

/** Adds `import { X } from './<file>'` and X to the MIGRATIONS list of migrations/index.ts. */
export function addToIndex(index: string, className: string, fileBase: string): string {
  const importLine = `import { ${className} } from './${fileBase}';\n`;
  const withImport = index.replace(/(\/\/[^\n]*\n)?export const MIGRATIONS/, (m) => importLine + m);
  return withImport.replace(/export const MIGRATIONS: Function\[\] = \[([\s\S]*?)\];/, (_m, body: string) => {
    const entries = body
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    entries.push(className);
    return `export const MIGRATIONS: Function[] = [\n${entries.map((e) => `  ${e},`).join('\n')}\n];`;
  });
}
