// `npm run eval:detect`: the detector on seeded synthetic streams with daily and weekly rhythm
// (packages/core/src/detection/synthetic), tuning seeds and blind seeds side by side. The blind
// seeds were scored once before any tuning (see detection/evaluation/RESULTS.md).
import { BLIND_SEEDS, TUNING_SEEDS } from '../src/detection/evaluation/evaluate.ts';
import { evaluationReport } from '../src/detection/evaluation/report.ts';

const started = performance.now();
process.stdout.write(`Tuning seeds (${TUNING_SEEDS[0]}-${TUNING_SEEDS.at(-1)})\n`);
process.stdout.write(`${evaluationReport(TUNING_SEEDS)}\n\n`);
process.stdout.write(`Blind seeds (${BLIND_SEEDS[0]}-${BLIND_SEEDS.at(-1)}), never tuned on\n`);
process.stdout.write(`${evaluationReport(BLIND_SEEDS)}\n`);
process.stdout.write(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
