/** CONTRACT STUB — Más → Cuenta: login and logout (issue 3). */
export function LoginScreen() {
  return <p>Iniciar sesión</p>;
}
