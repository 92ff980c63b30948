// Shared by: cli-audit, cli-build, cli-countersign, cli-demo, cli-keygen, cli-policy, cli-policy-rotate, cli-policy-update, cli-serve, cli-sign, cli-stack, cli-trusted-root, cli-verify, cli-witness, stack (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);

// src/lib/basics/io/atomic-write.ts
import { randomBytes } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
async function writeFileAtomic(path, data, options = {}) {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  const handle = await open(tmp, "wx", options.mode ?? 420);
  try {
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    if (options.exclusive) {
      const { link } = await import("node:fs/promises");
      await link(tmp, path);
      await rm(tmp);
    } else {
      await rename(tmp, path);
    }
  } catch (err) {
    await handle.close().catch(() => {
    });
    await rm(tmp, { force: true });
    throw err;
  }
}

export {
  writeFileAtomic
};
