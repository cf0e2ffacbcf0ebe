/**
 * Version of the trained artefact. Bump it when the features or the training change, so the
 * scorer version changes and stored mentions are rescored.
 */
export const SCORER_MODEL_VERSION = 'fft-lr-5';
