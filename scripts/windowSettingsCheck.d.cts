/** The problems with the window settings in a built main bundle's text; empty when all are safe. */
export function checkWindowSettings(bundle: string): string[]
