import * as v from 'valibot';
import { Hlc, Id, Role, StorableString } from './schemas/common';

/**
 * The sync wire format (DESIGN.md § Sync protocol, § HTTP API). The device sends gzip JSON;
 * every body is parsed with these schemas before anything else happens.
 */

import { MAX_PULL_LIMIT, MAX_PUSH_MUTATIONS } from './protocol-limits';

export { MAX_PULL_LIMIT, MAX_PUSH_BYTES, MAX_PUSH_MUTATIONS } from './protocol-limits';

/** One queued mutation as it travels; `args` is checked later against its own schema. */
export const WireMutation = v.strictObject({
  // A seq is stored in a bigint column and read back as a JS number: past 2^53 it would not round-trip.
  seq: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Number.MAX_SAFE_INTEGER, 'Número de secuencia fuera de rango.')),
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  v: v.pipe(v.number(), v.integer(), v.minValue(1)),
  args: v.unknown(),
  hlc: Hlc,
});
export type WireMutation = v.InferOutput<typeof WireMutation>;

export const PushRequest = v.strictObject({
  clientId: Id,
  mutations: v.pipe(
    v.array(WireMutation),
    v.maxLength(MAX_PUSH_MUTATIONS, `Como máximo ${MAX_PUSH_MUTATIONS} cambios por envío.`),
    v.check(isStrictlyIncreasing, 'Los cambios deben ir en orden de secuencia.'),
  ),
  /**
   * The device's user-scope pull cursor when it sent the push: it holds every row up to that
   * version as the server had it, so the server can tell which of its writes the device already
   * holds and leave them out of its pulls (#12, no echo). Absent: only rows it wrote from scratch.
   */
  cursor: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER))),
  /** The device's catalogue cursor: with `cursor`, the answer says which scopes have news. */
  catalogueCursor: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER))),
  /**
   * Sent with both cursors by a device whose outbox this push empties and that takes echo skipping
   * (#12): when the user scope has news, the answer carries its next page (`userPage`, at most this
   * many changes, from `cursor`, its own writes left out) — the pull's round trip saved.
   */
  pullLimit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_PULL_LIMIT))),
});
export type PushRequest = v.InferOutput<typeof PushRequest>;

function isStrictlyIncreasing<T extends { seq: number }>(mutations: T[]): boolean {
  return mutations.every((m, i) => i === 0 || m.seq > mutations[i - 1]!.seq);
}

export interface RejectedMutation {
  seq: number;
  code: string;
  message: string;
}

export interface PushResponse {
  /** Every mutation up to here is handled (applied or rejected): the device may drop them. */
  lastSeq: number;
  rejected: RejectedMutation[];
  /**
   * Answered when the push carried both cursors: the scopes with something new for the device
   * once this push is in (its own echoes aside, #12). The round after a push pulls only those:
   * on Slow 3G each pull it spares is a 2-s round trip.
   */
  news?: PullScope[] | undefined;
  /** Asked with `pullLimit`, when `news` names the user scope: that scope's page from the push's `cursor`, as a pull would answer it. */
  userPage?: PullResponse | undefined;
}

/**
 * The push answer as the device reads it: a body that is not this (a captive portal's page, a
 * proxy's error) sends nothing to the outbox. Not strict, so a newer server may add fields.
 */
export const PushResponse: v.GenericSchema<unknown, PushResponse> = v.object({
  lastSeq: v.pipe(v.number(), v.integer(), v.minValue(0)),
  rejected: v.array(v.object({ seq: v.number(), code: v.string(), message: v.string() })),
  news: v.optional(v.array(v.picklist(['catalogue', 'user'] as const))),
  // A lazy reference: the pull answer's schema is declared further down.
  userPage: v.optional(v.lazy(() => PullResponse)),
});

/** What a pull reads: the public catalogue, or the caller's own data. Each has its own cursor. */
export const PULL_SCOPES = ['catalogue', 'user'] as const;
export type PullScope = (typeof PULL_SCOPES)[number];

export const PullQuery = v.strictObject({
  scope: v.optional(v.picklist(PULL_SCOPES), 'catalogue'),
  cursor: v.optional(v.pipe(v.string(), v.regex(/^\d{1,15}$/), v.transform(Number)), '0'),
  limit: v.optional(
    v.pipe(v.string(), v.regex(/^\d{1,4}$/), v.transform(Number), v.minValue(1), v.maxValue(MAX_PULL_LIMIT)),
    String(MAX_PULL_LIMIT),
  ),
  /**
   * The pulling device (#12, no echo): rows whose latest version that device wrote, exactly as it
   * holds them, are left out of `changes` (the cursor still moves past them). Without it, all come.
   */
  clientId: v.optional(Id),
  /**
   * `lean=1` (#12): catalogue entries come without `searchText`, which the device derives from
   * their title, summary and body (shared/catalogue/plain-text), a fifth of the first download.
   * Without it, entries come whole (devices built before this flag search their stored text).
   */
  lean: v.optional(v.literal('1')),
});
export type PullQuery = v.InferOutput<typeof PullQuery>;

const Cursor = v.pipe(v.string(), v.regex(/^\d{1,15}$/), v.transform(Number));

/**
 * `GET /api/sync/head` (#10, live screens): the device's cursor per scope it asks about (the
 * user scope needs an account) and its id. 204 when nothing is new, else `HeadResponse`.
 */
export const HeadQuery = v.strictObject({
  catalogue: v.optional(Cursor),
  user: v.optional(Cursor),
  clientId: v.optional(Id),
});
export type HeadQuery = v.InferOutput<typeof HeadQuery>;

/** The scopes with something new for the device: a pull of those is worth its round trip. */
export interface HeadResponse {
  scopes: PullScope[];
}

export interface Change<T = unknown> {
  table: string;
  id: string;
  version: number;
  deleted?: true;
  row?: T;
}

export interface PullResponse {
  changes: Change[];
  cursor: number;
  hasMore: boolean;
}

/** One pulled row as the device reads it: the row itself is checked by its own table. */
const ChangeSchema = v.object({
  table: v.string(),
  id: v.string(),
  version: v.number(),
  deleted: v.exactOptional(v.literal(true)),
  row: v.exactOptional(v.unknown()),
});

/** `GET /api/workshops/by-code/<CÓDIGO>` (#12, the participant's door): the workshop as a pull would carry it. */
export interface WorkshopByCodeResponse {
  change: Change;
}
export const WorkshopByCodeResponse: v.GenericSchema<unknown, WorkshopByCodeResponse> = v.object({ change: ChangeSchema });

/** The pull answer as the device reads it before writing a page (rows are checked by their own tables). */
export const PullResponse: v.GenericSchema<unknown, PullResponse> = v.object({
  changes: v.array(ChangeSchema),
  cursor: v.pipe(v.number(), v.integer(), v.minValue(0)),
  hasMore: v.boolean(),
});

/** Shortest password a person may choose for themselves. */
export const MIN_OWN_PASSWORD = 10;

export const LoginRequest = v.strictObject({
  email: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.email('Escriba un correo válido.'), v.maxLength(254)),
  password: v.pipe(v.string(), v.minLength(1, 'Escriba su contraseña.'), v.maxLength(200)),
  deviceName: v.optional(v.pipe(StorableString, v.trim(), v.maxLength(120))),
  /**
   * The person's own password, sent with a one-time password the coordinación gave them (a new
   * account, a reset): the server answers 403 `password_change_required` until it comes.
   */
  newPassword: v.optional(v.pipe(v.string(), v.minLength(MIN_OWN_PASSWORD, `La contraseña nueva debe tener al menos ${MIN_OWN_PASSWORD} caracteres.`), v.maxLength(200, 'La contraseña nueva: como máximo 200 caracteres.'))),
});
export type LoginRequest = v.InferOutput<typeof LoginRequest>;

export const RefreshRequest = v.strictObject({
  refreshToken: v.pipe(v.string(), v.minLength(20), v.maxLength(200)),
});

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  roles: v.InferOutput<typeof Role>[];
}

export interface SessionResponse {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: SessionUser;
}

export interface HealthResponse {
  ok: boolean;
  version: string;
  /** The build of the app this server serves (src/shared/build.ts): the id «Acerca de» shows. */
  build: string;
  schema: number;
  database: 'sqlite' | 'postgres';
}
