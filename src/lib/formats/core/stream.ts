// Stream names: a named channel that versions increase within (docs/design.md §3), e.g.
// `acme/app:stable`. ASCII only, so that no two streams look alike (no Unicode look-alikes).
export const STREAM_PATTERN = /^[A-Za-z0-9._/-]+:[A-Za-z0-9._-]+$/;
export const MAX_STREAM_LENGTH = 200;

export function isValidStream(stream: string): boolean {
  return stream.length <= MAX_STREAM_LENGTH && STREAM_PATTERN.test(stream);
}
