// Metamorphic checks (src/scoring/evaluation/metamorphic.ts), printed by `npm run eval`.
import { runMetamorphic } from '../src/scoring/evaluation/metamorphic.ts';
import { scoreMention } from '../src/scoring/score-mention.ts';

export function evaluateMetamorphic(verbose: boolean): void {
  const r = runMetamorphic((text) => scoreMention({ text }).sentiment.label);
  console.log('\n== (e) metamorphic checks');
  console.log(
    `swapping trust, site, ward or topic noun: ${r.flips.length} of the templates flip a label (${r.variantsChecked} variants)`,
  );
  console.log(
    `thanks added to a complaint: ${r.thanksBecamePraise.length}/${r.thanksChecked} read as praise`,
  );
  console.log(
    `negation: ${r.negationsChecked - r.negationHeld.length}/${r.negationsChecked} flip the verdict`,
  );
  if (verbose) {
    for (const f of r.flips) console.log(`   flips: ${f.template} ${JSON.stringify(f.labels)}`);
    for (const t of r.thanksBecamePraise) console.log(`   praise: ${t}`);
    for (const n of r.negationHeld) console.log(`   negation held: ${n}`);
  }
}
