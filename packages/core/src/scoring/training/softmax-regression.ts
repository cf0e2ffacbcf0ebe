// Multinomial logistic regression over sparse binary features, trained by AdaGrad SGD.
// Deterministic: the example order comes from a seeded generator, all arithmetic is in a fixed
// order, and the weights are rounded before they are written, so the same input gives the same
// bytes out every time.

export interface Example {
  features: string[];
  label: number;
}

export interface TrainOptions {
  classes: number;
  epochs?: number;
  learningRate?: number;
  l2?: number;
  /** Drop features seen in fewer documents than this. */
  minCount?: number;
  /** Weight each class by (n / (classes * n_c)) ** balance; 0 = unweighted, 1 = fully balanced. */
  balance?: number;
  seed?: number;
  /** Features the model may learn; others are read as unknown words (still counted in the scale). */
  keep?: (feature: string) => boolean;
}

export interface LinearModel {
  classes: number;
  /** Feature -> weights, one per class. */
  weights: Record<string, number[]>;
  bias: number[];
}

/** mulberry32: a small seeded generator, so shuffles are reproducible. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

export function trainSoftmax(examples: Example[], options: TrainOptions): LinearModel {
  const K = options.classes;
  const epochs = options.epochs ?? 12;
  const lr = options.learningRate ?? 0.3;
  const l2 = options.l2 ?? 1e-5;
  const minCount = options.minCount ?? 2;
  const balance = options.balance ?? 0.5;
  const random = seeded(options.seed ?? 42);

  const docFreq = new Map<string, number>();
  // The scale counts every feature of the text (known or not, repeats too), as prediction does.
  const docs: { ids: number[]; label: number; scale: number }[] = [];
  for (const ex of examples) {
    for (const f of new Set(ex.features)) docFreq.set(f, (docFreq.get(f) ?? 0) + 1);
  }
  const vocab = [...docFreq.entries()]
    .filter(([f, n]) => n >= minCount && (options.keep === undefined || options.keep(f)))
    .map(([f]) => f)
    .sort();
  const index = new Map(vocab.map((f, i) => [f, i]));
  for (const ex of examples) {
    const unique = new Set(ex.features);
    const ids = [...unique]
      .map((f) => index.get(f))
      .filter((i): i is number => i !== undefined)
      .sort((a, b) => a - b);
    docs.push({
      ids,
      label: ex.label,
      scale: ex.features.length > 0 ? 1 / Math.sqrt(ex.features.length) : 0,
    });
  }

  const counts = new Array<number>(K).fill(0);
  for (const d of docs) counts[d.label]!++;
  const classWeight = counts.map((c) => (c === 0 ? 0 : (docs.length / (K * c)) ** balance));

  const W = new Float64Array(vocab.length * K);
  const G = new Float64Array(vocab.length * K).fill(1e-8);
  const b = new Float64Array(K);
  const gb = new Float64Array(K).fill(1e-8);
  const order = docs.map((_, i) => i);
  const z = new Float64Array(K);

  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const di of order) {
      const d = docs[di]!;
      const x = d.scale;
      let max = -Infinity;
      for (let k = 0; k < K; k++) {
        let s = b[k]!;
        for (const id of d.ids) s += W[id * K + k]! * x;
        z[k] = s;
        if (s > max) max = s;
      }
      let sum = 0;
      for (let k = 0; k < K; k++) {
        z[k] = Math.exp(z[k]! - max);
        sum += z[k]!;
      }
      const cw = classWeight[d.label]!;
      for (let k = 0; k < K; k++) {
        const g = (z[k]! / sum - (k === d.label ? 1 : 0)) * cw;
        gb[k]! += g * g;
        b[k]! -= (lr * g) / Math.sqrt(gb[k]!);
        for (const id of d.ids) {
          const w = id * K + k;
          const gw = g * x + l2 * W[w]!;
          G[w]! += gw * gw;
          W[w]! -= (lr * gw) / Math.sqrt(G[w]!);
        }
      }
    }
  }

  const weights: Record<string, number[]> = {};
  for (let i = 0; i < vocab.length; i++) {
    const row: number[] = [];
    let keep = false;
    for (let k = 0; k < K; k++) {
      const w = round(W[i * K + k]!);
      row.push(w);
      if (Math.abs(w) >= 0.05) keep = true;
    }
    if (keep) weights[vocab[i]!] = row;
  }
  return { classes: K, weights, bias: [...b].map(round) };
}
