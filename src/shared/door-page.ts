/**
 * What the server writes into a participant's door page (`/t/<CÓDIGO>`, #12) and the page reads:
 * the workshop's public answer as a JSON data block (never executed, so the CSP needs nothing for
 * it), so a first visit on Slow 3G does not wait for the app's code to ask for it. Tiny on
 * purpose: the main chunk reads it.
 */

/** The id of the `<script type="application/json">` block holding the `/api/workshops/by-code/…` answer. */
export const DOOR_DATA_ID = 'tinkuy-door-workshop';
