export * from './ack-token.ts';
export * from './evaluate.ts';
export * from './hours.ts';
export * from './ladder.ts';
export * from './london-time.ts';
export * from './message.ts';
export * from './rota.ts';
export * from './rules.ts';
