// Progress on standard error: a bar with documents/s, MB/s and ETA on a terminal, a plain line
// every few seconds otherwise (logs, CI). Rates count this session only, so a resumed run's ETA
// is not skewed by the documents it skipped.
import cliProgress from 'cli-progress';

export interface ProgressSample {
  /** Documents done in this session. */
  documents: number;
  /** Raw input bytes consumed (compressed for .gz), including any skipped on resume. */
  rawBytes: number;
  /** Document bytes processed in this session. */
  textBytes: number;
}

export interface ProgressOptions {
  stream: NodeJS.WritableStream & { isTTY?: boolean };
  /** Raw size of all inputs, for the fraction done and the ETA; 0 when unknown (stdin). */
  totalRawBytes: number;
  /** Raw bytes already behind us when the session starts (resume). */
  startRawBytes?: number;
  /** Seconds between plain lines. @default 10 */
  plainEverySeconds?: number;
  now?: () => number;
}

export const formatDuration = (s: number): string => {
  if (!Number.isFinite(s)) return '?';
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = Math.round(s % 60);
  return h ? `${h}h${String(m).padStart(2, '0')}m` : m ? `${m}m${String(sec).padStart(2, '0')}s` : `${sec}s`;
};

export class ProgressReport {
  private readonly started: number;
  private readonly bar: cliProgress.SingleBar | undefined;
  private lastPlain: number;
  private readonly now: () => number;

  constructor(private readonly o: ProgressOptions) {
    this.now = o.now ?? Date.now;
    this.started = this.now();
    this.lastPlain = this.started;
    if (o.stream.isTTY && o.totalRawBytes > 0) {
      this.bar = new cliProgress.SingleBar(
        { stream: o.stream, format: '{bar} {percentage}% | {docs} docs | {dps} docs/s | {mbps} MB/s | ETA {etaText}', hideCursor: true, fps: 4 },
        cliProgress.Presets.shades_classic,
      );
      this.bar.start(o.totalRawBytes, o.startRawBytes ?? 0, { docs: 0, dps: '0', mbps: '0.0', etaText: '?' });
    }
  }

  /** Rates and ETA for a sample. */
  rates(s: ProgressSample): { seconds: number; dps: number; mbps: number; eta: number; fraction: number } {
    const seconds = Math.max((this.now() - this.started) / 1000, 1e-3);
    const done = s.rawBytes - (this.o.startRawBytes ?? 0);
    const left = this.o.totalRawBytes - s.rawBytes;
    return {
      seconds,
      dps: s.documents / seconds,
      mbps: s.textBytes / 1048576 / seconds,
      eta: done > 0 && this.o.totalRawBytes > 0 ? (left / done) * seconds : Infinity,
      fraction: this.o.totalRawBytes > 0 ? s.rawBytes / this.o.totalRawBytes : 0,
    };
  }

  update(s: ProgressSample): void {
    const r = this.rates(s);
    if (this.bar) {
      this.bar.update(Math.min(s.rawBytes, this.o.totalRawBytes), { docs: s.documents, dps: r.dps.toFixed(1), mbps: r.mbps.toFixed(2), etaText: formatDuration(r.eta) });
      return;
    }
    if (this.now() - this.lastPlain < (this.o.plainEverySeconds ?? 10) * 1000) return;
    this.lastPlain = this.now();
    const pct = this.o.totalRawBytes > 0 ? ` ${(r.fraction * 100).toFixed(1)}% of input,` : '';
    this.o.stream.write(`shabaka: ${s.documents} documents,${pct} ${r.dps.toFixed(1)} docs/s, ${r.mbps.toFixed(2)} MB/s, ETA ${formatDuration(r.eta)}\n`);
  }

  stop(): void {
    this.bar?.stop();
  }
}
