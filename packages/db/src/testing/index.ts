export * from './fixtures.ts';
export * from './free-port.ts';
export * from './redis-prefix.ts';
export * from './test-database.ts';
export * from './users.ts';
