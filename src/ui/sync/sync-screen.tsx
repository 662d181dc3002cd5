/** CONTRACT STUB — Más → Sincronización (issue 3). */
export function SyncScreen() {
  return <p>Sincronización</p>;
}
