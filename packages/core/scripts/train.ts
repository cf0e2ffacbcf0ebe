// `npm run train`: rebuilds packages/core/src/scoring/model/model.json from the two labelled FFT
// files in ../shared/data/nhs-feedback (or NHS_FEEDBACK_DIR). Deterministic: run it twice and
// the file is byte-for-byte the same.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chooseNegativeBias } from '../src/scoring/training/calibrate.ts';
import { serialiseModel, trainScorerModel } from '../src/scoring/training/train-model.ts';
import { SCORER_MODEL_VERSION } from '../src/scoring/version.ts';
import { FFT_FILES, MODEL_PATH, readFft } from './fft-files.ts';

const started = Date.now();
const comments = [...readFft('v6'), ...readFft('phase1')];
const input = {
  comments,
  trainedOn: [FFT_FILES.v6, FFT_FILES.phase1],
  version: SCORER_MODEL_VERSION,
};
const { negativeBias, folds, curve } = chooseNegativeBias(input);
console.log(
  `negative threshold offset ${negativeBias} (negative F1 holding out ${folds.join(' / ')} in turn: ` +
    `${curve.map((p) => `${p.bias}:${p.f1.toFixed(3)}`).join(' ')})`,
);
const model = trainScorerModel({ ...input, negativeBias });
const out = serialiseModel(model);
mkdirSync(path.dirname(MODEL_PATH), { recursive: true });
writeFileSync(MODEL_PATH, out);
console.log(
  `trained on ${comments.length} comments in ${((Date.now() - started) / 1000).toFixed(1)}s: ` +
    `${Object.keys(model.sentiment.weights).length} sentiment features, ` +
    `${model.topics.categories.length} topics; wrote ${path.relative(process.cwd(), MODEL_PATH)} ` +
    `(${(out.length / 1024).toFixed(0)} KiB)`,
);
