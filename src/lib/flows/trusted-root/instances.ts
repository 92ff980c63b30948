// The Sigstore instances whose trusted root `countersign trusted-root` fetches, as TUF
// repositories: the mirror, and the initial root a client starts from (TUF client workflow
// §5.2: trusted out of band, here shipped with the tool). public-good's initial root is the one
// @sigstore/tuf embeds (seeds.json); GitHub's is copied from cli/cli (SOURCES.md beside this
// file). The target is the same for both: `trusted_root.json`.
import githubTufRoot from './github-tuf-root.json' with { type: 'json' };

export const TUF_INSTANCE_NAMES = ['public-good', 'github'] as const;
export type TufInstanceName = (typeof TUF_INSTANCE_NAMES)[number];

export interface TufInstance {
  readonly name: TufInstanceName;
  readonly mirrorUrl: string;
  /** The initial root's JSON text; undefined: @sigstore/tuf's own seed for this mirror. */
  readonly initialRoot: string | undefined;
}

/** The TUF target every Sigstore instance publishes its trusted root as. */
export const TRUSTED_ROOT_TARGET = 'trusted_root.json';

export const TUF_INSTANCES: Readonly<Record<TufInstanceName, TufInstance>> = Object.freeze({
  'public-good': Object.freeze({
    name: 'public-good',
    mirrorUrl: 'https://tuf-repo-cdn.sigstore.dev',
    initialRoot: undefined,
  }),
  github: Object.freeze({
    name: 'github',
    mirrorUrl: 'https://tuf-repo.github.com',
    // Signatures are over the canonical form of "signed": re-serialising keeps them valid.
    initialRoot: `${JSON.stringify(githubTufRoot, null, 2)}\n`,
  }),
});

export function isTufInstanceName(value: string): value is TufInstanceName {
  return (TUF_INSTANCE_NAMES as readonly string[]).includes(value);
}
