import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsvRecords } from '../src/scoring/training/csv.ts';
import { type LabelledComment, readPhase1, readV6 } from '../src/scoring/training/fft-data.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const MODEL_PATH = path.join(REPO_ROOT, 'packages/core/src/scoring/model/model.json');

export const FFT_FILES = {
  v6: 'fft-v6-neas.csv',
  phase1: 'fft-phase1-trusts-abc.csv',
} as const;

/** The shared, read-only data directory (never copied into the repository). */
export function feedbackDir(): string {
  return process.env.NHS_FEEDBACK_DIR ?? path.resolve(REPO_ROOT, '../shared/data/nhs-feedback');
}

export function readFft(kind: keyof typeof FFT_FILES, dir = feedbackDir()): LabelledComment[] {
  const file = path.join(dir, FFT_FILES[kind]);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`unable to read ${file} (set NHS_FEEDBACK_DIR?): ${String(error)}`);
  }
  const records = parseCsvRecords(text);
  return kind === 'v6' ? readV6(records) : readPhase1(records);
}
