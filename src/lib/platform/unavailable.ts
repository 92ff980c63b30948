// The browser build's `node:fs/promises` and `node:path` (scripts/build.ts aliases them here).
// The client verifier reads no file: these exist only because modules it shares with the CLI
// import them for other functions (policy/parse.ts's loadPolicyFile, countersign/keys.ts's key
// files, io/atomic-write.ts), which the bundler drops. If one were ever called, it fails loudly.

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
