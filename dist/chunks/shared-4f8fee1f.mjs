// Shared by: cli-serve, cli-witness (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);

// src/cli/foreground.ts
function runUntilSignal(close) {
  return new Promise((resolve) => {
    const stop = (signal) => {
      process.stdout.write(`${JSON.stringify({ time: (/* @__PURE__ */ new Date()).toISOString(), event: "stopping", signal })}
`);
      close().then(
        () => {
          resolve(0);
        },
        () => {
          resolve(2);
        }
      );
    };
    process.once("SIGTERM", () => {
      stop("SIGTERM");
    });
    process.once("SIGINT", () => {
      stop("SIGINT");
    });
  });
}

export {
  runUntilSignal
};
