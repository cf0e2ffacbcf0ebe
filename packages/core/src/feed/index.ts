export * from './cache-headers.ts';
export * from './presets.ts';
export * from './relevance.ts';
export * from './schedule.ts';
export * from './source-url.ts';
