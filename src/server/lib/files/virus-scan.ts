/**
 * The hook point for a virus scanner (e.g. ClamAV through clamd). Every accepted file passes through `scan` before
 * it is stored; a scanner that reports a threat makes the upload fail and nothing is written.
 */
export type ScanVerdict = { clean: true } | { clean: false; threat: string };

export interface VirusScanner {
  /** Short name kept with every stored file, so one can later tell which files were scanned by what. */
  readonly name: string;
  scan(bytes: Buffer): Promise<ScanVerdict>;
}

/**
 * The default: scans nothing and says so. Its name is stored with each file ("none"), so files accepted without a
 * scan can be found and scanned once a real scanner is configured.
 */
export class NoOpVirusScanner implements VirusScanner {
  readonly name = 'none';

  async scan(): Promise<ScanVerdict> {
    return { clean: true };
  }
}
