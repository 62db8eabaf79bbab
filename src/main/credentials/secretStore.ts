// Where secrets live: the OS keychain (macOS Keychain, Windows Credential Manager, a Secret Service
// such as GNOME Keyring on Linux) through keytar. Nothing secret is ever written to a plain file.
import { err, ok, type Result } from '../../shared/errors'
import { sayEn } from '../../shared/messages/catalogue'

export interface SecretStore {
  get(account: string): Promise<Result<string | null>>
  set(account: string, secret: string): Promise<Result<void>>
  /** ok(true) when something was removed. */
  delete(account: string): Promise<Result<boolean>>
}

export const KEYCHAIN_SERVICE = 'TRTC Desk'

export class InMemorySecretStore implements SecretStore {
  private readonly secrets = new Map<string, string>()

  async get(account: string): Promise<Result<string | null>> {
    return ok(this.secrets.get(account) ?? null)
  }

  async set(account: string, secret: string): Promise<Result<void>> {
    this.secrets.set(account, secret)
    return ok(undefined)
  }

  async delete(account: string): Promise<Result<boolean>> {
    return ok(this.secrets.delete(account))
  }

  /** Accounts currently held (tests check that deletes really delete). */
  accounts(): string[] {
    return [...this.secrets.keys()]
  }
}

interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>
  setPassword(service: string, account: string, password: string): Promise<void>
  deletePassword(service: string, account: string): Promise<boolean>
}

function unavailable(detail: string): Result<never> {
  // `detail` comes from keytar/libsecret and names no secret; it goes to the log, the user reads what to do.
  const key = process.platform === 'linux' ? 'err.profile.keychainLinux' : 'err.code.keychain.unavailable'
  return err('keychain.unavailable', key, undefined, { message: `${sayEn(key)} (${detail.slice(0, 160)})` })
}

export class KeytarSecretStore implements SecretStore {
  private api: Promise<KeytarApi | Error> | null = null

  constructor(
    private readonly service = KEYCHAIN_SERVICE,
    private readonly load: () => Promise<KeytarApi> = async () => {
      const mod = (await import('keytar')) as unknown as KeytarApi & { default?: KeytarApi }
      return mod.default ?? mod
    },
  ) {}

  private keytar(): Promise<KeytarApi | Error> {
    // keytar is a native module: it fails to load when libsecret is missing.
    this.api ??= this.load().catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))))
    return this.api
  }

  private async run<T>(op: (k: KeytarApi) => Promise<T>): Promise<Result<T>> {
    const k = await this.keytar()
    if (k instanceof Error) return unavailable(k.message)
    try {
      return ok(await op(k))
    } catch (e) {
      return unavailable(e instanceof Error ? e.message : String(e))
    }
  }

  get(account: string): Promise<Result<string | null>> {
    return this.run((k) => k.getPassword(this.service, account))
  }

  set(account: string, secret: string): Promise<Result<void>> {
    return this.run((k) => k.setPassword(this.service, account, secret))
  }

  delete(account: string): Promise<Result<boolean>> {
    return this.run((k) => k.deletePassword(this.service, account))
  }
}
