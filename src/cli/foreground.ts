// A long-running verb (`serve`, `witness`) in the foreground: runs until SIGTERM or SIGINT,
// logs one JSON line, closes what it started, and exits 0 (or 2 when closing failed).

export function runUntilSignal(close: () => Promise<void>): Promise<number> {
  return new Promise<number>((resolve) => {
    const stop = (signal: string) => {
      process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), event: 'stopping', signal })}\n`);
      close().then(
        () => {
          resolve(0);
        },
        () => {
          resolve(2);
        },
      );
    };
    process.once('SIGTERM', () => {
      stop('SIGTERM');
    });
    process.once('SIGINT', () => {
      stop('SIGINT');
    });
  });
}
