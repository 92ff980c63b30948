// Sigstore's SigningConfig (protobuf-specs sigstore_trustroot.proto, message SigningConfig,
// media type application/vnd.dev.sigstore.signingconfig.v0.2+json): which Fulcio, Rekor logs
// and timestamp authorities an instance signs with, each a Service {url, majorApiVersion,
// validFor {start, end?}, operator}, and how many logs and TSAs to use (ServiceConfiguration
// {selector ALL | ANY | EXACT, count}). An instance is this document plus its trusted root
// (issue 14). Parsed strictly (size cap, no duplicate keys, unknown fields refused; only the
// lowerCamelCase JSON names, which is what every published config uses), then the services are
// selected for "now" as sigstore-go's SelectService/SelectServices and sigstore-python's
// SigningConfig do:
//   - a service is a candidate when this client speaks its majorApiVersion and now lies in
//     validFor (start inclusive, end inclusive, no end = open);
//   - candidates are taken newest validFor.start first; the highest API version that has a
//     candidate wins, versions are never mixed; at most one service per operator (its newest);
//   - Fulcio: the first; Rekor and TSA: ALL = every one, ANY (or no configuration) = the first,
//     EXACT = the first `count` (fewer is an error). Deterministic where sigstore-go picks at
//     random: the same file and time always give the same services.
// oidcUrls are parsed and checked but not used: the identity token comes from the CI's OIDC
// endpoint (or --identity-token), never from an interactive login.
import { InputError } from '../../basics/errors/errors.ts';
import { Shape, describe } from '../../basics/json/shape.ts';
import { checkServiceUrl } from '../../basics/net/url.ts';

export const SIGNING_CONFIG_MEDIA_TYPE = 'application/vnd.dev.sigstore.signingconfig.v0.2+json';
/** Real signing configs are 1-2 kB. */
export const MAX_SIGNING_CONFIG_BYTES = 64 * 1024;
/** Services per list: public-good lists 2 Rekor logs today. */
export const MAX_SERVICES = 32;

/** The API versions this client speaks (@sigstore/sign 5: Fulcio v1 API paths, Rekor v1 and v2, TSA v1). */
export const SUPPORTED_VERSIONS = { ca: [1], rekor: [1, 2], tsa: [1] } as const;

export type Selector = 'ALL' | 'ANY' | 'EXACT';

export interface Service {
  url: string;
  majorApiVersion: number;
  start: Date;
  end: Date | undefined;
  operator: string;
}

export interface ServiceConfiguration {
  selector: Selector;
  count: number;
}

export interface SigningConfig {
  caUrls: Service[];
  oidcUrls: Service[];
  rekorTlogUrls: Service[];
  tsaUrls: Service[];
  rekorTlogConfig: ServiceConfiguration | undefined;
  tsaConfig: ServiceConfiguration | undefined;
}

/** The services chosen for one signature. */
export interface SelectedServices {
  fulcioUrl: string;
  /** Rekor logs, all of one API version (empty: no transparency log, TSA time only). */
  rekorUrls: string[];
  rekorMajorApiVersion: 1 | 2;
  tsaUrls: string[];
}

const TOP_FIELDS = ['mediaType'] as const;
const OPTIONAL_TOP = ['caUrls', 'oidcUrls', 'rekorTlogUrls', 'tsaUrls', 'rekorTlogConfig', 'tsaConfig'] as const;
// protobuf Timestamp in JSON: RFC 3339, "Z", 0 to 9 fractional digits.
const PROTO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

/** Checks a parsed SigningConfig v0.2 (strict JSON already applied). `what` names the file. */
export function parseSigningConfig(value: unknown, what: string): SigningConfig {
  const s = new Shape(what, 'signing-config-invalid');
  const doc = s.object(value, '$', TOP_FIELDS, OPTIONAL_TOP);
  if (doc.mediaType !== SIGNING_CONFIG_MEDIA_TYPE)
    s.fail('$.mediaType', `expected ${SIGNING_CONFIG_MEDIA_TYPE}, found ${describe(doc.mediaType)}`);
  const services = (key: (typeof OPTIONAL_TOP)[number]): Service[] =>
    doc[key] === undefined
      ? []
      : s.array(doc[key], `$.${key}`, MAX_SERVICES).map((item, i) => parseService(s, item, `$.${key}[${i}]`));
  const config = (key: 'rekorTlogConfig' | 'tsaConfig') =>
    doc[key] === undefined ? undefined : parseConfiguration(s, doc[key], `$.${key}`);
  return {
    caUrls: services('caUrls'),
    oidcUrls: services('oidcUrls'),
    rekorTlogUrls: services('rekorTlogUrls'),
    tsaUrls: services('tsaUrls'),
    rekorTlogConfig: config('rekorTlogConfig'),
    tsaConfig: config('tsaConfig'),
  };
}

function parseService(s: Shape, value: unknown, path: string): Service {
  const obj = s.object(value, path, ['url', 'majorApiVersion', 'validFor'], ['operator']);
  const url = s.text(obj.url, `${path}.url`, 2048);
  const majorApiVersion = s.positiveInteger(obj.majorApiVersion, `${path}.majorApiVersion`);
  if (majorApiVersion > 0xffffffff) s.fail(`${path}.majorApiVersion`, `expected a uint32, found ${majorApiVersion}`);
  const range = s.object(obj.validFor, `${path}.validFor`, ['start'], ['end']);
  const start = time(s, range.start, `${path}.validFor.start`);
  const end = range.end === undefined ? undefined : time(s, range.end, `${path}.validFor.end`);
  if (end && end.getTime() < start.getTime()) s.fail(`${path}.validFor`, 'end is before start');
  const operator = obj.operator === undefined ? '' : s.string(obj.operator, `${path}.operator`, undefined, 256);
  return { url, majorApiVersion, start, end, operator };
}

function parseConfiguration(s: Shape, value: unknown, path: string): ServiceConfiguration {
  const obj = s.object(value, path, ['selector'], ['count']);
  const selector = obj.selector;
  if (selector !== 'ALL' && selector !== 'ANY' && selector !== 'EXACT')
    s.fail(`${path}.selector`, `expected ALL, ANY or EXACT, found ${describe(selector)}`);
  const count = obj.count === undefined ? 0 : s.integer(obj.count, `${path}.count`, 0);
  if (selector === 'EXACT' && count < 1) s.fail(`${path}.count`, 'EXACT needs a count of at least 1');
  return { selector, count };
}

function time(s: Shape, value: unknown, path: string): Date {
  const text = s.string(value, path, PROTO_TIME, 64);
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) s.fail(path, `not a valid time: ${JSON.stringify(text)}`);
  return date;
}

export function validAt(service: Service, now: Date): boolean {
  const t = now.getTime();
  return service.start.getTime() <= t && (service.end === undefined || t <= service.end.getTime());
}

/** The candidates of the highest supported API version, newest first, one per operator. */
export function candidates(services: readonly Service[], versions: readonly number[], now: Date): Service[] {
  const newestFirst = services.filter((x) => validAt(x, now)).sort((a, b) => b.start.getTime() - a.start.getTime());
  for (const version of [...versions].sort((a, b) => b - a)) {
    const operators = new Set<string>();
    const chosen = newestFirst.filter((x) => {
      if (x.majorApiVersion !== version || operators.has(x.operator)) return false;
      operators.add(x.operator);
      return true;
    });
    if (chosen.length > 0) return chosen;
  }
  return [];
}

function applySelector(list: Service[], config: ServiceConfiguration | undefined, what: string): Service[] {
  if (list.length === 0) return [];
  const selector = config?.selector ?? 'ANY';
  if (selector === 'ALL') return list;
  const count = selector === 'EXACT' ? (config?.count ?? 1) : 1;
  if (list.length < count)
    throw new InputError(
      'signing-config-invalid',
      `${what}: EXACT selector asks for ${count} services, found ${list.length} valid now`,
    );
  return list.slice(0, count);
}

/** Picks the services to sign with at `now`. Throws InputError('signing-config-invalid'). */
export function selectServices(config: SigningConfig, what: string, now: Date = new Date()): SelectedServices {
  const stamp = now.toISOString();
  const [ca] = candidates(config.caUrls, SUPPORTED_VERSIONS.ca, now);
  if (!ca)
    throw new InputError(
      'signing-config-invalid',
      `${what}: expected a Fulcio (caUrls) with majorApiVersion 1 valid at ${stamp}, found none`,
    );
  const rekor = applySelector(
    candidates(config.rekorTlogUrls, SUPPORTED_VERSIONS.rekor, now),
    config.rekorTlogConfig,
    `${what}: rekorTlogConfig`,
  );
  const tsa = applySelector(
    candidates(config.tsaUrls, SUPPORTED_VERSIONS.tsa, now),
    config.tsaConfig,
    `${what}: tsaConfig`,
  );
  const rekorMajorApiVersion = rekor[0]?.majorApiVersion === 2 ? 2 : 1;
  if (rekor.length === 0 && tsa.length === 0)
    throw new InputError(
      'signing-config-invalid',
      `${what}: expected a Rekor log or a timestamp authority valid at ${stamp}, found neither: a signature needs a log entry or a timestamp`,
    );
  // Rekor v2 gives no integrated time: without a TSA the bundle would carry no verifiable time.
  if (rekorMajorApiVersion === 2 && tsa.length === 0)
    throw new InputError(
      'signing-config-invalid',
      `${what}: Rekor v2 (${rekor[0]?.url ?? ''}) gives no signing time and no timestamp authority is valid at ${stamp}`,
    );
  return {
    fulcioUrl: checkServiceUrl(ca.url, `${what}: caUrls ${ca.url}`),
    rekorUrls: rekor.map((x) => checkServiceUrl(x.url, `${what}: rekorTlogUrls ${x.url}`)),
    rekorMajorApiVersion,
    tsaUrls: tsa.map((x) => checkServiceUrl(x.url, `${what}: tsaUrls ${x.url}`)),
  };
}
