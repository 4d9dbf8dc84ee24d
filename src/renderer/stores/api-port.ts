// What the stores need of api.ts: the calls only. Tests hand in a fake.
import type { SiloApi } from '../../shared/contract';

export type CallPort = Pick<SiloApi, 'call'>;
