/**
 * Administración (coordinación) in the app: the bodies the device sends and the answers it
 * reads. The server parses every body with these; the screen builds its forms on the same rules.
 */
import * as v from 'valibot';
import { DOCUMENT_TYPES } from './attendance';
import { Id, requiredText, ROLES, type Role } from './common';

/** A new account: its email (the login), the person's name, at least one role. */
export const NewAccountRequest = v.strictObject({
  email: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.email('Escriba un correo válido.'), v.maxLength(254, 'El correo: como máximo 254 caracteres.')),
  name: requiredText(120, 'El nombre'),
  roles: v.pipe(
    v.array(v.picklist(ROLES, 'Rol no válido.')),
    v.minLength(1, 'Elija al menos un rol.'),
    v.maxLength(ROLES.length, 'Rol repetido.'),
    v.check((roles) => new Set(roles).size === roles.length, 'Rol repetido.'),
  ),
});
export type NewAccountRequest = v.InferOutput<typeof NewAccountRequest>;

/** Turns an account on (`active: true`) or off. */
export const AccountActiveRequest = v.strictObject({ active: v.boolean('Indique si la cuenta queda activa (true o false).') });

/** The `:id` of an account or a device session in a path. */
export const AdminIdParams = v.object({ id: Id });

/** Who to erase (Ley 29733): by document, or by full name and entity (folded as the merge folds them). */
export const EraseRequest = v.union(
  [
    v.strictObject({
      documentType: v.picklist(DOCUMENT_TYPES, 'Tipo de documento no válido.'),
      documentNumber: requiredText(20, 'El número de documento'),
    }),
    v.strictObject({ fullName: requiredText(160, 'El nombre completo'), entityName: requiredText(200, 'El nombre de la entidad') }),
  ],
  'Indique el tipo y número de documento, o el nombre completo y la entidad.',
);
export type EraseRequest = v.InferOutput<typeof EraseRequest>;

/** One device session of an account, with when it last sent and received changes. */
export interface AdminDevice {
  id: string;
  deviceName: string;
  createdAt: string;
  lastUsedAt: string;
  /** Last push by this session (ISO UTC), or null if it never pushed since this was recorded. */
  lastPushAt: string | null;
  /** Last pull by this session, or null. */
  lastPullAt: string | null;
}

/** Changes the server refused to an account's phones: how many, the latest, and its reason. */
export interface AdminRefusals {
  count: number;
  lastAt: string | null;
  lastMessage: string | null;
}

/** An account as the coordinación manages it. */
export interface AdminAccount {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  active: boolean;
  /** Still on a one-time password: the person chooses their own at their next login. */
  mustChangePassword: boolean;
  createdAt: string;
  devices: AdminDevice[];
  refusals: AdminRefusals;
}

/** `GET /api/admin/accounts`. */
export interface AdminAccountsResponse {
  accounts: AdminAccount[];
}

/** A new account or a reset password: the password is in this answer only, once. */
export interface OneTimePasswordResponse {
  account: AdminAccount;
  oneTimePassword: string;
}

/** One attendance record that an erasure would remove, as the coordinación checks it first. */
export interface ErasureMatch {
  id: string;
  fullName: string;
  entityName: string;
  workshopTitle: string | null;
  workshopCode: string | null;
  recordedAt: string;
}

/** `POST /api/admin/erasure-preview`. */
export interface ErasurePreviewResponse {
  matches: ErasureMatch[];
}

/** One logged attendance export across workshops. */
export interface AdminExport {
  id: string;
  workshopId: string;
  workshopTitle: string | null;
  workshopCode: string | null;
  exportedBy: { id: string; name: string; email: string } | null;
  rows: number;
  format: string;
  exportedAt: string;
  loggedAt: string;
}

/** `GET /api/admin/exports`. */
export interface AdminExportsResponse {
  exports: AdminExport[];
}

/** One erasure in the log (never whose data). */
export interface AdminErasure {
  id: string;
  erasedBy: { id: string; name: string; email: string } | null;
  erasedAt: string;
  matchedBy: 'document' | 'name';
  count: number;
}
