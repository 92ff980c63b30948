// The browser build's `node:fs/promises` and `node:path` (scripts/build.ts aliases them here).
// The client verifier reads no file: policy and key files are read by formats/policy/load.ts
// and basics/io/key-files.ts, which it does not import, so no module on its path imports
// these today (test/client.test.ts checks it). They stay as a guard: if a shared module came
// to import them, the build would still link, and a call would fail loudly.

function unavailable(name: string): () => never {
  return () => {
    throw new Error(`${name} is not available in the countersign client build: it reads no files`);
  };
}

// node:fs/promises
export const open = unavailable('fs.open');
export const lstat = unavailable('fs.lstat');
export const stat = unavailable('fs.stat');
export const rm = unavailable('fs.rm');
export const rename = unavailable('fs.rename');
export const readFile = unavailable('fs.readFile');
export const readdir = unavailable('fs.readdir');
export const mkdir = unavailable('fs.mkdir');
export const writeFile = unavailable('fs.writeFile');

// node:path
export const basename = unavailable('path.basename');
export const dirname = unavailable('path.dirname');
export const join = unavailable('path.join');
export const isAbsolute = unavailable('path.isAbsolute');
export const resolve = unavailable('path.resolve');
