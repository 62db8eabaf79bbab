// One colour per user, the same in the simulator's mixed picture and in the overlay drawn over it,
// so a region of the picture and its SEI region can be matched by eye and by test.

export interface Rgb {
  r: number
  g: number
  b: number
}

/** A stable, saturated colour for a user ID (FNV-1a hash → hue; fixed saturation and lightness). */
export function userColour(userId: string): Rgb {
  let h = 0x811c9dc5
  for (let i = 0; i < userId.length; i++) {
    h ^= userId.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return hslToRgb((h % 360) / 360, 0.6, 0.45)
}

function hslToRgb(h: number, s: number, l: number): Rgb {
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s
  const p = 2 * l - q
  const channel = (t: number): number => {
    const x = t < 0 ? t + 1 : t > 1 ? t - 1 : t
    const v = x < 1 / 6 ? p + (q - p) * 6 * x : x < 1 / 2 ? q : x < 2 / 3 ? p + (q - p) * (2 / 3 - x) * 6 : p
    return Math.round(v * 255)
  }
  return { r: channel(h + 1 / 3), g: channel(h), b: channel(h - 1 / 3) }
}

export const cssColour = (c: Rgb): string => `rgb(${c.r}, ${c.g}, ${c.b})`
