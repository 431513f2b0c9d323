// Worker-thread entry: TypeScript sources need tsx's loader registered in this thread too.
import { register } from 'tsx/esm/api';

register();
await import('./solve-worker.ts');
