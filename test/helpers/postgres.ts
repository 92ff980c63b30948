// A throwaway PostgreSQL server for the tests of the shared log (issue 16): Debian's binaries
// (/usr/lib/postgresql/<version>/bin, the `postgresql` package; .ci/run installs it), initdb
// in a temporary directory, the server on a Unix socket in that directory only
// (listen_addresses = '': no TCP port at all), trust authentication for the one local user,
// databases created per test, and everything stopped and removed at the end.
//
//   const pg = await startPostgres();            // undefined: not installed (the test skips)
//   const url = await pg.createDatabase('ha');   // postgres:///ha?host=<dir>&user=countersign
//   await pg.stop();
//
// initdb refuses to run as root: as root, the server runs as the `postgres` user (the Debian
// package creates it) and the directory is given to it. Without PostgreSQL the tests skip,
// unless COUNTERSIGN_POSTGRES_TEST=required (.ci/run sets it): then a missing server fails.
// fsync is off: these tests kill `serve` instances, never the database server itself.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export const POSTGRES_USER = 'countersign';

export interface TestPostgres {
  dir: string;
  /** A new empty database; its connection string (Unix socket). */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** The directory of initdb and pg_ctl: the newest Debian version, else PATH; undefined if none. */
export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'initdb')) && existsSync(join(root, v, 'bin', 'pg_ctl')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0] !== undefined) return join(root, versions[0], 'bin');
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const path = which.stdout.trim();
  return which.status === 0 && path ? join(path, '..') : undefined;
}

/** The reason the tests cannot run here, or undefined. Throws when COUNTERSIGN_POSTGRES_TEST=required. */
export function postgresMissing(): string | undefined {
  let reason: string | undefined;
  if (!postgresBinDir()) reason = 'PostgreSQL (initdb, pg_ctl) is not installed (Debian: apt-get install postgresql)';
  else if (process.getuid?.() === 0 && !uidOf('postgres'))
    reason = 'running as root and there is no postgres user to run the server as';
  if (reason !== undefined && process.env.COUNTERSIGN_POSTGRES_TEST === 'required')
    throw new Error(`COUNTERSIGN_POSTGRES_TEST=required but ${reason}`);
  return reason;
}

function uidOf(user: string): { uid: number; gid: number } | undefined {
  const r = spawnSync('id', ['-u', user], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', user], { encoding: 'utf8' });
  if (r.status !== 0 || g.status !== 0) return undefined;
  return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
}

/** Starts a server (see the header); undefined when PostgreSQL is missing and not required. */
export async function startPostgres(): Promise<TestPostgres | undefined> {
  if (postgresMissing() !== undefined) return undefined;
  const bin = postgresBinDir();
  if (!bin) return undefined;
  const dir = await mkdtemp(join(tmpdir(), 'countersign-pg-'));
  const data = join(dir, 'data');
  const owner = process.getuid?.() === 0 ? uidOf('postgres') : undefined;
  if (owner) {
    await chown(dir, owner.uid, owner.gid);
    await chmod(dir, 0o755);
  }
  const as = owner ? { uid: owner.uid, gid: owner.gid } : {};
  const env = { ...process.env, LC_ALL: 'C', LANG: 'C' };
  try {
    execFileSync(
      join(bin, 'initdb'),
      ['-D', data, '-U', POSTGRES_USER, '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions'],
      { ...as, env, stdio: ['ignore', 'ignore', 'pipe'], cwd: dir },
    );
    const options = `-c listen_addresses='' -c unix_socket_directories='${dir}' -c fsync=off -c max_connections=100`;
    execFileSync(join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start'], {
      ...as,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
      cwd: dir,
    });
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`could not start PostgreSQL in ${dir}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const url = (db: string) =>
    `postgres:///${encodeURIComponent(db)}?host=${encodeURIComponent(dir)}&user=${POSTGRES_USER}`;
  return {
    dir,
    async createDatabase(name: string): Promise<string> {
      if (!/^[a-z][a-z0-9_]{0,40}$/.test(name)) throw new Error(`database name ${name}`);
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    async stop(): Promise<void> {
      try {
        execFileSync(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], {
          ...as,
          env,
          stdio: 'ignore',
          cwd: dir,
        });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
