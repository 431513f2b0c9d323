// Every table of the platform, one file per module. drizzle-kit reads this file to generate migrations.
export * from './accounts.ts';
export * from './platform.ts';
export * from './directory.ts';
export * from './events.ts';
export * from './profiles.ts';
export * from './interests.ts';
export * from './scheduling.ts';
export * from './matching.ts';
export * from './calls.ts';
export * from './review.ts';
