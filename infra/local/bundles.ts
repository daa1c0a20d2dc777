import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { App } from 'aws-cdk-lib';
import { FUNCTIONS } from '../catalog/functions.ts';
import { recognitionStacks } from '../stacks.ts';
import { stageSettings } from '../stage.ts';

const STACK_NAME = 'DoanRecognitionBundles';

interface TemplateResource {
  Type: string;
  Properties?: { Description?: string; Code?: { S3Key?: unknown } };
}

/**
 * The Lambda bundles exactly as `cdk deploy` uploads them: the real stack is synthesized with
 * bundling on, so every function goes through its ServiceFunction construct's esbuild options
 * (minify, keepNames, ESM banner…). Returns each catalogued function's bundle file.
 */
export function synthesizeBundles(outDir: string, root = process.cwd()): Record<string, string> {
  const app = new App({ outdir: resolve(outDir) });
  recognitionStacks(app, {
    stage: { ...stageSettings('dev'), stackName: STACK_NAME, edgeStackName: `${STACK_NAME}-edge` },
    root,
    mailFrom: 'khong-tra-loi@bundles.example',
    authDomainPrefix: 'doan-bundles',
    env: { account: '123456789012', region: 'ap-southeast-1' },
  });
  app.synth();
  return bundlesIn(outDir);
}

/** Reads a synthesized cloud assembly: the function with each catalogued description → its index.mjs. */
export function bundlesIn(outDir: string): Record<string, string> {
  const templateFile = join(outDir, `${STACK_NAME}.template.json`);
  const template = JSON.parse(readFileSync(templateFile, 'utf8')) as { Resources: Record<string, TemplateResource> };
  const assetOf = new Map<string, string>();
  for (const resource of Object.values(template.Resources)) {
    // The uploaded object is <asset hash>.zip; the assembly keeps its folder as asset.<hash>.
    const key = resource.Properties?.Code?.S3Key;
    if (resource.Type === 'AWS::Lambda::Function' && typeof key === 'string' && resource.Properties?.Description) {
      assetOf.set(resource.Properties.Description, join(outDir, `asset.${key.replace(/\.zip$/, '')}`));
    }
  }
  return Object.fromEntries(
    FUNCTIONS.map((fn) => {
      const dir = assetOf.get(fn.description);
      const file = dir && join(dir, 'index.mjs');
      if (!file || !existsSync(file)) throw new Error(`No bundle for ${fn.id} in ${outDir}`);
      return [fn.id, file];
    }),
  );
}
