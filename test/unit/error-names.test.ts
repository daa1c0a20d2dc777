import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { PERMANENT_ERRORS } from '../../domain/errors.ts';

const ROOT = process.cwd();
const ERROR_CLASS = /export class (\w+Error) extends \w*Error\b/g;

/** Every exported error class in the code that runs in Lambda (domain and functions). */
function errorClassesInSource(): { file: string; names: string[] }[] {
  const found: { file: string; names: string[] }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) {
        const names = [...readFileSync(path, 'utf8').matchAll(ERROR_CLASS)].map((match) => match[1]!);
        if (names.length) found.push({ file: path, names });
      }
    }
  };
  walk(join(ROOT, 'domain'));
  walk(join(ROOT, 'functions'));
  return found;
}

const outDir = mkdtempSync(join(tmpdir(), 'error-names-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('error names', () => {
  it('survive minification without keepNames, because each class names itself', async () => {
    // Prepare: one entry re-exporting every error class, bundled the way a careless build would.
    const sources = errorClassesInSource();
    const entry = join(outDir, 'entry.ts');
    writeFileSync(
      entry,
      sources.map(({ file, names }) => `export { ${names.join(', ')} } from '${relative(outDir, file).replaceAll('\\', '/')}';`).join('\n'),
    );
    const bundle = join(outDir, 'bundle.mjs');

    // Act
    await build({ entryPoints: [entry], bundle: true, minify: true, keepNames: false, format: 'esm', platform: 'node', outfile: bundle, logLevel: 'silent', banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" } });
    const exported = (await import(pathToFileURL(bundle).href)) as Record<string, new (message: string) => Error>;

    // Assess
    const expected = sources.flatMap(({ names }) => names);
    expect(expected).toEqual(expect.arrayContaining(['ValidationError', 'MailDeliveryError', 'AssignmentError']));
    for (const name of expected) expect(new exported[name]!('thử').name, name).toBe(name);

    // …and every refusal (a subclass of the five HTTP-mapped errors) is one workflows never retry.
    const refusals = ['ValidationError', 'UnauthenticatedError', 'ForbiddenError', 'NotFoundError', 'ConflictError'].map((name) => exported[name]!);
    const permanent = expected.filter((name) => refusals.some((base) => new exported[name]!('thử') instanceof base));
    expect([...PERMANENT_ERRORS].sort()).toEqual(permanent.sort());
  });
});
