// DescribeRoomInfo reports every room as RoomString (003_530a54cf0f8c0df7.txt L15913–L15931) with no
// flag for its kind. A numeric room's string is its decimal number; "123" and 123 are still
// different rooms (002_397368d6e2c38332.txt L88), so the guess below is only a default the user can
// override before a moderation call is sent.
import { parseNumericRoomId } from '../../shared/trtc/roomId'

export type RoomIdType = 'number' | 'string'

/** Numeric rooms are integers 1–4294967295 (000_b308e910fed97ab3.txt L32). */
export function guessRoomIdType(roomString: string): RoomIdType {
  return parseNumericRoomId(roomString) === null ? 'string' : 'number'
}
