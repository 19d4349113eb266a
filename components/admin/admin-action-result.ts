// What the admin console's server actions answer: a refusal carries its message as it is shown (Chinese first,
// English after), with nothing changed.
export type AdminActionResult<T extends object = object> = ({ ok: true } & T) | { ok: false; message: string };
