// Room and user IDs as the seeds define them. One parser for numeric room IDs, used by the layout
// checks, the services and the simulator alike.

/** "It is a number in the uint32 range … Its value range is 1-4294967295." (000_b308e910fed97ab3.txt L32) */
export const MAX_NUMERIC_ROOM_ID = 4294967295

/**
 * The numeric room a text names, or null. Only plain decimal digits without leading zeros: "0x1f",
 * " 12", "+12", "012" and "1e3" are refused rather than read as some other room.
 */
export function parseNumericRoomId(text: string): number | null {
  if (!/^[1-9][0-9]{0,9}$/.test(text)) return null
  const n = Number(text)
  return n <= MAX_NUMERIC_ROOM_ID ? n : null
}

/** A string room ID the cloud can hold: the seeds give no character rules, so only control characters are refused. */
export function isStringRoomId(text: string): boolean {
  return text.length > 0 && ![...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)
}

/** "It can contain only letters, digits, underscores, and hyphens." (002_397368d6e2c38332.txt L66) */
export function isUserId(text: string): boolean {
  return /^[A-Za-z0-9_-]+$/.test(text)
}
