// Placeholder replaced below.
export function evaluateMetamorphic(_verbose: boolean): void {}
