// Between a tar to import into a volume and the engine: every entry is checked (TarRules: inside
// the root, not through a symlink, no device) and what it unpacks to is counted against the
// limit, as the bytes pass; a piece goes on only once checked. The archive's own compression is
// handled by GuardStream, as for images.
import { TarRules } from '../../shared/dashboard/volume-tar-rules';
import { SiloFailure, siloError } from '../../shared/errors';
import { GuardStream } from './guard-stream';
import { MalformedTar, TarEntries, type TarHeader } from './tar-entries';
import { isRoot } from './tar-write';

export class VolumeTarGuard extends GuardStream {
  files = 0;
  /** The archive's own root entry (`./`), when it has one: its mode, owner and time. */
  root: TarHeader | null = null;
  private readonly rules = new TarRules();
  private readonly walk: TarEntries;

  constructor(limit: number) {
    super(limit);
    this.walk = new TarEntries({
      entry: (h) => {
        this.files += 1;
        if (this.root === null && this.files === 1 && isRoot(h.name)) this.root = h;
        const problem = this.rules.check(h.name, h.type, h.linkname);
        if (problem) this.fail(new SiloFailure(siloError('archive-entry-refused', { params: { entry: h.name, reason: problem } })));
        this.unpacked += 512 + h.size;
        if (this.unpacked > this.limit) this.fail(this.tooLarge());
      },
    });
  }

  /** The tar's end marker was seen. */
  get complete(): boolean {
    return this.walk.ended;
  }

  protected override async finished(): Promise<void> {
    if (!this.failure && !this.walk.ended) this.fail(new SiloFailure(siloError('invalid-archive', { detail: 'the tar ends before its end marker' })));
  }

  protected tarBytes(data: Buffer): void {
    if (this.failure || this.walk.ended) return;
    try {
      this.walk.push(data);
    } catch (error) {
      if (!(error instanceof MalformedTar)) throw error;
      this.fail(new SiloFailure(siloError('invalid-archive', { detail: error.message })));
    }
  }
}
