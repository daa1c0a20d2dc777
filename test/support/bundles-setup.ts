import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { synthesizeBundles } from '../../infra/local/bundles.ts';

import './provided-context.ts';
/** Once per run: synthesizes the real stack and hands every test stack its Lambda bundles. */
export default function setup(project: TestProject): () => void {
  const outDir = mkdtempSync(join(tmpdir(), 'doan-bundles-'));
  project.provide('lambdaBundles', synthesizeBundles(outDir));
  return () => rmSync(outDir, { recursive: true, force: true });
}
