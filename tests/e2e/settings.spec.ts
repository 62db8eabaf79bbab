// Profiles, test connection, the request inspector and the UserSig tool, end to end.
import { expect, test } from '@playwright/test'
import { startHarness, type Harness } from '../harness/harness'

let h: Harness
test.afterEach(async () => {
  expect(h.logLines.filter((l) => l.startsWith('pageerror') || l.startsWith('error'))).toEqual([])
  await h.close()
})

test('adds a profile for the simulator, tests it, switches back to Demo; secrets never reach the page', async () => {
  h = await startHarness()
  await h.open()
  const page = h.page
  await page.getByTestId('nav-settings').click()
  await page.getByTestId('profile-test').first().click()
  await expect(page.getByTestId('profile-verdict').first()).toContainText('Connected')

  // A real profile pointing at the same local cloud: its keys go to the (in-memory) keychain.
  const { secretId, secretKey, sdkAppId } = h.demo.credentials
  const sdkSecretKey = h.demo.sdkSecretKeyOf(sdkAppId)!
  await page.getByTestId('profiles-add').click()
  await page.getByTestId('pf-name').fill('Staging')
  await page.getByTestId('pf-secret-id').fill(secretId)
  await page.getByTestId('pf-secret-key').fill('wrong-' + secretKey)
  await page.getByTestId('pf-apps').fill(`${sdkAppId} ${sdkSecretKey}`)
  await page.getByTestId('pf-save').click()
  // Saved, tested (Tencent's host with a wrong key: it fails) and so not made active: Demo stays in use.
  await expect(page.getByTestId('profile-untried')).toContainText('"Staging" is saved but not in use')
  await expect(page.getByTestId('pf-verdict')).not.toBeEmpty()
  await expect(page.getByTestId('profile-switcher')).toContainText('Demo (local simulator)')
  await page.getByTestId('pf-activate-anyway').click()
  // The form offers Tencent's hosts; a loopback endpoint (the simulator) is set through the same channel.
  await expect(page.getByTestId('profile-untried')).toBeHidden()
  const staging = page.locator('[data-testid="profile-item"]', { hasText: 'Staging' })
  await expect(staging).toBeVisible()
  await expect(page.getByTestId('profile-switcher')).toContainText('Staging')
  const id = (await staging.getAttribute('data-profile'))!
  await h.services.dispatch('profiles.update', { id, patch: { endpoint: { url: h.demo.endpoint } } })
  await staging.getByTestId('profile-test').click()
  await expect(staging.getByTestId('profile-verdict')).toContainText('Wrong key')
  await h.services.dispatch('profiles.update', { id, patch: { secretKey } })
  await staging.getByTestId('profile-test').click()
  await expect(staging.getByTestId('profile-verdict')).toContainText('Connected')

  // UserSig for the active profile's app, generated in main with the stored SDK secret key.
  await page.getByTestId('sig-user').fill('robot_1')
  await page.getByTestId('sig-generate').click()
  await expect(page.getByTestId('sig-decoded')).toContainText('robot_1')
  await expect(page.getByTestId('sig-decoded')).toContainText(String(sdkAppId))
  // A PrivateMapKey for one string room, audio only.
  await page.getByTestId('sig-restrict').check()
  await page.getByTestId('sig-room').fill('finals-2026')
  await page.getByTestId('sig-room-type').selectOption('string')
  for (const r of ['create', 'sendVideo', 'receiveVideo', 'sendSub', 'receiveSub']) await page.getByTestId(`sig-right-${r}`).uncheck()
  await page.getByTestId('sig-generate').click()
  await expect(page.getByTestId('sig-decoded')).toContainText('finals-2026')
  await expect(page.getByTestId('sig-decoded')).toContainText('Enter room, Send audio, Receive audio')
  await page.getByTestId('usersig-tool').screenshot({ path: test.info().outputPath('usersig-privatemapkey.png') })

  // The request inspector shows the canonical request and a redacted signature.
  await page.locator('[data-testid="request-log"] .button', { hasText: 'Refresh' }).click()
  await page.getByTestId('log-row').first().click()
  await expect(page.getByTestId('log-detail')).toContainText('content-type:application/json; charset=utf-8')
  await expect(page.getByTestId('log-detail')).toContainText('Signature=<redacted>')
  await expect(page.getByTestId('log-tccli')).toContainText('tccli trtc ')

  const html = await page.content()
  for (const secret of [secretKey, sdkSecretKey, 'wrong-' + secretKey]) expect(html).not.toContain(secret)

  await page.locator('[data-testid="profile-item"][data-profile="demo"]').getByTestId('profile-use').click()
  await expect(page.getByTestId('profile-switcher')).toContainText('Demo (local simulator)')
})

test('a new profile whose connection works is made active at once', async () => {
  h = await startHarness()
  await h.open()
  const page = h.page
  await page.getByTestId('nav-settings').click()
  const { secretId, secretKey, sdkAppId } = h.demo.credentials
  // The simulator's endpoint cannot be typed in the form; main is asked the same way the form asks.
  const r = (await h.services.dispatch('profiles.create', { profile: { name: 'Works', secretId, secretKey, endpoint: { url: h.demo.endpoint }, defaultRegion: 'ap-guangzhou', sdkApps: [{ sdkAppId }] } })) as {
    ok: true
    value: { activeId: string; created: { id: string; activated: boolean; verdict: { kind: string } } }
  }
  expect(r.value.created).toMatchObject({ activated: true, verdict: { kind: 'ok' } })
  expect(r.value.activeId).toBe(r.value.created.id)
  const bad = (await h.services.dispatch('profiles.create', { profile: { name: 'Typo', secretId, secretKey: 'x' + secretKey, endpoint: { url: h.demo.endpoint }, defaultRegion: 'ap-guangzhou', sdkApps: [{ sdkAppId }] } })) as typeof r
  expect(bad.value.created).toMatchObject({ activated: false, verdict: { kind: 'wrongKey' } })
  expect(bad.value.activeId).toBe(r.value.created.id)
  await expect(page.getByTestId('profile-switcher')).toContainText('Works')
})

test('a profile form error is shown and nothing is saved', async () => {
  h = await startHarness()
  await h.open()
  const page = h.page
  await page.getByTestId('nav-settings').click()
  await page.getByTestId('profiles-add').click()
  await page.getByTestId('pf-name').fill('Broken')
  await page.getByTestId('pf-secret-id').fill('AKIDexample')
  await page.getByTestId('pf-secret-key').fill('k')
  await page.getByTestId('pf-apps').fill('not-an-app')
  await page.getByTestId('pf-save').click()
  await expect(page.getByTestId('pf-error')).toContainText('is not an SDKAppID')
  await expect(page.locator('[data-testid="profile-item"]', { hasText: 'Broken' })).toHaveCount(0)
})
