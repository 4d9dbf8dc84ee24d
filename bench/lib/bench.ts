import type { BenchContext } from './context';
import type { Figure } from './report';

export interface Bench {
  /** The name to run it alone: `npm run bench -- <name>`. */
  name: string;
  title: string;
  run(ctx: BenchContext): Promise<Figure[]>;
}
