/** Confusion matrix and per-class precision, recall and F1, for the eval script. */
export interface ClassMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Evaluation {
  labels: readonly string[];
  /** matrix[actual][predicted] */
  matrix: number[][];
  perClass: ClassMetrics[];
  accuracy: number;
  macroF1: number;
}

export function evaluate(
  labels: readonly string[],
  actual: readonly string[],
  predicted: readonly string[],
): Evaluation {
  const idx = new Map(labels.map((l, i) => [l, i]));
  const matrix = labels.map(() => labels.map(() => 0));
  let correct = 0;
  actual.forEach((a, i) => {
    const ai = idx.get(a);
    const pi = idx.get(predicted[i]!);
    if (ai === undefined || pi === undefined) throw new Error(`unknown label ${a}/${predicted[i]}`);
    matrix[ai]![pi]!++;
    if (ai === pi) correct++;
  });
  const perClass = labels.map((label, c) => {
    const tp = matrix[c]![c]!;
    const support = matrix[c]!.reduce((s, n) => s + n, 0);
    const predictedC = matrix.reduce((s, row) => s + row[c]!, 0);
    const precision = predictedC === 0 ? 0 : tp / predictedC;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support };
  });
  return {
    labels,
    matrix,
    perClass,
    accuracy: actual.length === 0 ? 0 : correct / actual.length,
    macroF1: perClass.reduce((s, m) => s + m.f1, 0) / labels.length,
  };
}

/** A fixed-width table: per-class metrics, then the confusion matrix. */
export function formatEvaluation(e: Evaluation): string {
  const pad = (s: string, n: number) => s.padEnd(n);
  const num = (x: number) => x.toFixed(3).padStart(9);
  const lines = [
    `${pad('class', 10)}${'precision'.padStart(10)}${'recall'.padStart(10)}${'f1'.padStart(10)}${'support'.padStart(9)}`,
    ...e.perClass.map(
      (m) =>
        `${pad(m.label, 10)} ${num(m.precision)} ${num(m.recall)} ${num(m.f1)}${String(m.support).padStart(9)}`,
    ),
    `accuracy ${e.accuracy.toFixed(3)}   macro F1 ${e.macroF1.toFixed(3)}`,
    '',
    `confusion (rows actual, columns predicted)`,
    `${pad('', 10)}${e.labels.map((l) => l.padStart(10)).join('')}`,
    ...e.labels.map(
      (l, i) => `${pad(l, 10)}${e.matrix[i]!.map((n) => String(n).padStart(10)).join('')}`,
    ),
  ];
  return lines.join('\n');
}
