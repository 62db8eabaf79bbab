// The Event ID Mapping Table of the API reference (003_530a54cf0f8c0df7.txt L16483–L16803):
// what EventMessage.EventId / ParamOne / ParamTwo of DescribeUserEvent mean, in English (the
// seed's wording) and Simplified Chinese. The exceptional-experience and dismissal tables that
// follow (L16805 on) number a different field (AbnormalEventId) and are not mixed in here.

export type EventLocale = 'en' | 'zh-CN'
export type EventSource = 'sdk' | 'webrtc'
export type EventCategory = 'room' | 'network' | 'device' | 'app' | 'audio' | 'video' | 'qos'
export type EventSeverity = 'info' | 'warning' | 'error'

/** A parameter that carries a value (a width, a frame rate…) rather than selecting a row. */
export const VALUE = 'value' as const
type Param = number | typeof VALUE

export interface EventDefinition {
  eventId: number
  /** -1 in the table means "not used" and matches anything; VALUE is filled into the text. */
  paramOne: Param
  paramTwo: Param
  source: EventSource
  category: EventCategory
  severity: EventSeverity
  /** Line of 003_530a54cf0f8c0df7.txt where the row starts. */
  line: number
  /** `{1}` and `{2}` stand for ParamOne and ParamTwo. */
  en: string
  zh: string
}

type Row = [eventId: number, p1: Param, p2: Param, line: number, category: EventCategory, severity: EventSeverity, en: string, zh: string]

// SDK Event Mapping Table, L16483–L16725.
const SDK_ROWS: Row[] = [
  [1001, 0, -1, 16494, 'device', 'info', 'The user unplugged wired earphone', '用户拔出了有线耳机'],
  [1001, 1, -1, 16496, 'device', 'info', 'The user plugged wired earphone', '用户插入了有线耳机'],
  [1002, 0, -1, 16498, 'device', 'info', 'The earphone has disconnected from Bluetooth connection', '耳机已断开蓝牙连接'],
  [1002, 1, -1, 16501, 'device', 'info', 'The earphone initiated a Bluetooth connection', '耳机发起了蓝牙连接'],
  [1003, 0, -1, 16503, 'network', 'error', 'The user has disconnected from the network', '用户已断开网络'],
  [1003, 1, -1, 16505, 'network', 'info', 'The user is using Wi-Fi network', '用户正在使用 Wi-Fi 网络'],
  [1003, 2, -1, 16507, 'network', 'info', 'The user is using 4G network', '用户正在使用 4G 网络'],
  [1003, 3, -1, 16509, 'network', 'info', 'The user is using 3G network', '用户正在使用 3G 网络'],
  [1003, 4, -1, 16511, 'network', 'warning', 'The user is using 2G network', '用户正在使用 2G 网络'],
  [1003, 5, -1, 16513, 'network', 'info', 'The user is using wired network', '用户正在使用有线网络'],
  [2001, 0, -1, 16515, 'app', 'info', 'The application has been switched to run in the foreground', '应用已切换到前台运行'],
  [2001, 1, -1, 16518, 'app', 'warning', 'The application has been switched to run in the background', '应用已切换到后台运行'],
  [2002, 1, -1, 16521, 'app', 'error', 'The application does not have network access', '应用没有网络访问权限'],
  [2002, 2, -1, 16523, 'app', 'error', 'The application does not have permission to read local file', '应用没有读取本地文件的权限'],
  [2002, 3, -1, 16526, 'app', 'error', 'The application does not have permission to write local file', '应用没有写入本地文件的权限'],
  [2002, 4, -1, 16541, 'app', 'error', 'The application does not have permission to record audio', '应用没有录音权限'],
  [2002, 5, -1, 16544, 'app', 'error', 'The application does not have permission to use camera', '应用没有使用摄像头的权限'],
  [3001, 0, -1, 16547, 'audio', 'info', 'The mic started capturing audio', '麦克风开始采集音频'],
  [3001, 1, -1, 16549, 'audio', 'info', 'Muted', '已静音'],
  [3001, 2, -1, 16551, 'audio', 'info', 'Mic capturing was disabled', '麦克风采集已关闭'],
  [3001, 3, -1, 16553, 'audio', 'info', 'Unmuted', '已取消静音'],
  [3002, 0, -1, 16555, 'audio', 'info', 'Canceled mute playback', '已取消静音播放'],
  [3002, 1, -1, 16557, 'audio', 'info', 'Mute playback mode', '静音播放模式'],
  [3003, 10, -1, 16559, 'audio', 'info', 'Audio codec: aac', '音频编码：aac'],
  [3003, 11, -1, 16561, 'audio', 'info', 'Audio codec: opus', '音频编码：opus'],
  [3004, 0, -1, 16563, 'audio', 'info', 'Speaker', '扬声器'],
  [3004, 1, -1, 16565, 'audio', 'info', 'Receiver', '听筒'],
  [4001, 0, -1, 16567, 'device', 'info', 'Enabled front camera successfully', '成功开启前置摄像头'],
  [4001, 1, -1, 16569, 'device', 'info', 'Enabled rear camera successfully', '成功开启后置摄像头'],
  [4002, 0, -1, 16571, 'device', 'error', 'Failed to enable front camera', '开启前置摄像头失败'],
  [4002, 1, -1, 16573, 'device', 'error', 'Failed to enable rear camera', '开启后置摄像头失败'],
  [4003, VALUE, VALUE, 16575, 'video', 'info', 'Video resolution has been switched to {1}×{2}', '视频分辨率已切换为 {1}×{2}'],
  [4004, 0, -1, 16580, 'video', 'info', 'Switched software encoding mode (SW)', '已切换为软件编码模式（SW）'],
  [4004, 1, -1, 16582, 'video', 'info', 'Switched to hardware encoding mode (HW)', '已切换为硬件编码模式（HW）'],
  [4005, 0, -1, 16584, 'video', 'info', 'Switched software decoding mode (SW)', '已切换为软件解码模式（SW）'],
  [4005, 1, -1, 16586, 'video', 'info', 'Switched to hardware decoding mode (HW)', '已切换为硬件解码模式（HW）'],
  [4006, 0, -1, 16596, 'video', 'info', 'The user enabled video upstreaming', '用户开启了视频上行'],
  [4006, 1, -1, 16598, 'video', 'info', 'The user disabled video upstreaming', '用户关闭了视频上行'],
  [4007, VALUE, VALUE, 16600, 'video', 'info', 'The user switched video resolution to {1}×{2}', '用户将视频分辨率切换为 {1}×{2}'],
  [4008, VALUE, -1, 16605, 'video', 'info', 'The user switched video frame rate to {1} fps', '用户将视频帧率切换为 {1} fps'],
  // The table gives no unit for the bitrate (L16607), so the number is shown as reported.
  [4009, VALUE, -1, 16607, 'video', 'info', 'The user switched video bitrate to {1}', '用户将视频码率切换为 {1}'],
  [4010, 1, -1, 16609, 'video', 'warning', 'RPS (reference picture selection) was disabled due to insufficient performance or poor network', '因性能不足或网络较差，RPS（参考帧选择）已关闭'],
  [4011, -1, -1, 16612, 'video', 'error', 'Failed to start hardware decoder', '硬件解码器启动失败'],
  [4012, -1, -1, 16614, 'video', 'warning', 'Switched to software decoder as there is too much hardware decoder buffer', '硬件解码缓冲过多，已切换为软件解码'],
  [4013, VALUE, 0, 16617, 'video', 'error', '(Software) decoding failed: {1} frames in 3 s', '（软件）解码失败：3 秒内 {1} 帧'],
  [4013, VALUE, 1, 16622, 'video', 'error', '(Hardware) decoding failed: {1} frames in 3 s', '（硬件）解码失败：3 秒内 {1} 帧'],
  [4014, 0, -1, 16627, 'video', 'info', 'The playback client enabled remote image', '播放端开启了远端画面'],
  [4014, 1, -1, 16629, 'video', 'info', 'The playback client disabled remote image', '播放端关闭了远端画面'],
  [4015, 0, -1, 16631, 'video', 'info', 'The primary video stream was unsubscribed from', '已取消订阅主路视频流'],
  [4015, 1, -1, 16633, 'video', 'info', 'The primary video stream was subscribed to', '已订阅主路视频流'],
  [5001, -1, -1, 16635, 'room', 'info', 'Started entering room', '开始进入房间'],
  [5002, 0, -1, 16637, 'network', 'error', 'Failed to obtain IP address info', '获取 IP 地址信息失败'],
  [5002, 1, -1, 16639, 'network', 'info', 'Obtained IP address info successfully', '成功获取 IP 地址信息'],
  [5003, 0, -1, 16641, 'room', 'error', 'Failed to enter room', '进入房间失败'],
  [5003, 1, -1, 16643, 'room', 'info', 'Entered room successfully', '成功进入房间'],
  [5004, -1, -1, 16645, 'video', 'info', 'Started sending video data to the cloud', '开始向云端发送视频数据'],
  [5005, -1, -1, 16655, 'network', 'error', 'Connection to CVM timed out', '连接 CVM 超时'],
  [5006, -1, -1, 16657, 'video', 'info', 'The first video packet was received', '收到首个视频数据包'],
  [5007, -1, -1, 16659, 'video', 'info', 'Started playing the first video frame', '开始播放首帧视频'],
  [5008, 0, -1, 16661, 'room', 'error', 'Failed to exit room', '退出房间失败'],
  [5008, 1, -1, 16663, 'room', 'info', 'Exited room successfully', '成功退出房间'],
  [5009, -1, -1, 16665, 'audio', 'info', 'Sent first audio frame', '已发送首帧音频'],
  ...qosRows(),
  [7000, 0, -1, 16717, 'room', 'info', 'Entered room normally', '正常进入房间'],
  [7000, 1, -1, 16719, 'room', 'info', 'Entered room again', '再次进入房间'],
  [7001, 0, -1, 16721, 'room', 'info', 'Exited room normally', '正常退出房间'],
  [7001, 1, -1, 16723, 'room', 'warning', 'Timed out', '超时退出'],
  [7001, 2, -1, 16725, 'room', 'warning', 'Kicked out', '被踢出房间'],
]

/** Event 6001: ParamOne is the QoS mode, ParamTwo the scene (L16667–L16716). */
function qosRows(): Row[] {
  const modes: Array<[number, string, string]> = [
    [1, 'local mode - smoothness preferred', '本地模式 - 流畅优先'],
    [2, 'local mode - definition preferred', '本地模式 - 清晰优先'],
    [101, 'cloud control mode - smoothness preferred', '云端控制模式 - 流畅优先'],
    [102, 'cloud control mode - definition preferred', '云端控制模式 - 清晰优先'],
  ]
  const scenes: Array<[number, string, string]> = [
    [0, 'video call', '视频通话'],
    [1, 'live streaming', '直播'],
    [2, 'audio call', '语音通话'],
    [3, 'voice chat room', '语音聊天室'],
  ]
  const lines = [16667, 16669, 16672, 16674, 16677, 16679, 16681, 16683, 16685, 16688, 16691, 16694, 16697, 16708, 16711, 16714]
  const rows: Row[] = []
  modes.forEach(([mode, en, zh], m) =>
    scenes.forEach(([scene, sceneEn, sceneZh], s) => {
      rows.push([6001, mode, scene, lines[m * 4 + s] ?? 16667, 'qos', 'info', `(Qos: ${en}) ${sceneEn}`, `（QoS：${zh}）${sceneZh}`])
    }),
  )
  return rows
}

// WebRTC Event Mapping Table, L16727–L16803: both parameters are always -1.
const WEBRTC_ROWS: Array<[eventId: number, line: number, category: EventCategory, severity: EventSeverity, en: string, zh: string]> = [
  [36864, 16740, 'network', 'error', 'Signaling channel has disconnected, which is reported by the backend', '信令通道已断开（由后台上报）'],
  [32768, 16743, 'video', 'info', 'Enabled video', '开启视频'],
  [32769, 16745, 'audio', 'info', 'Enabled audio', '开启音频'],
  [32770, 16747, 'video', 'info', 'Disabled video', '关闭视频'],
  [32771, 16749, 'audio', 'info', 'Disabled audio', '关闭音频'],
  [32772, 16751, 'audio', 'info', 'Disabled audio (still send mute packets)', '关闭音频（仍发送静音包）'],
  [32773, 16753, 'video', 'info', 'Disabled video (still send black screen packets)', '关闭视频（仍发送黑屏包）'],
  [32774, 16755, 'audio', 'info', 'Enabled audio', '开启音频'],
  [32775, 16757, 'video', 'info', 'Enabled video', '开启视频'],
  [32776, 16769, 'video', 'info', 'Subscribed to video', '订阅视频'],
  [32777, 16771, 'audio', 'info', 'Subscribed to audio', '订阅音频'],
  [32778, 16773, 'video', 'info', 'Unsubscribed from video', '取消订阅视频'],
  [32779, 16775, 'audio', 'info', 'Unsubscribed from audio', '取消订阅音频'],
  [32780, 16777, 'device', 'info', 'Switched camera', '切换摄像头'],
  [32781, 16779, 'device', 'info', 'Switched mic', '切换麦克风'],
  [32782, 16781, 'video', 'info', 'Updated video', '更新视频'],
  [32783, 16783, 'audio', 'info', 'Updated audio', '更新音频'],
  [32784, 16785, 'video', 'info', 'Disabled remote video', '关闭远端视频'],
  [32785, 16787, 'audio', 'info', 'Disabled remote audio', '关闭远端音频'],
  [32786, 16789, 'video', 'info', 'Enabled remote video', '开启远端视频'],
  [32787, 16791, 'audio', 'info', 'Enabled remote audio', '开启远端音频'],
  [32788, 16793, 'room', 'info', 'Entered room', '进入房间'],
  [32789, 16795, 'room', 'info', 'Exited room', '退出房间'],
  [32790, 16797, 'network', 'error', 'Signaling channel has disconnected', '信令通道已断开'],
  [32791, 16799, 'network', 'info', 'Connected signaling channel successfully', '信令通道连接成功'],
  [32792, 16801, 'network', 'error', 'Media transmission channel has disconnected', '媒体传输通道已断开'],
  [32793, 16803, 'network', 'info', 'Connected media transmission channel successfully', '媒体传输通道连接成功'],
]

export const eventDefinitions: readonly EventDefinition[] = [
  ...SDK_ROWS.map(([eventId, paramOne, paramTwo, line, category, severity, en, zh]): EventDefinition => ({ eventId, paramOne, paramTwo, source: 'sdk', category, severity, line, en, zh })),
  ...WEBRTC_ROWS.map(([eventId, line, category, severity, en, zh]): EventDefinition => ({ eventId, paramOne: -1, paramTwo: -1, source: 'webrtc', category, severity, line, en, zh })),
]

export interface EventParams {
  eventId: number
  paramOne: number
  paramTwo: number
}

const matches = (want: Param, got: number): boolean => want === VALUE || want === -1 || want === got

/** The table row an event stands for, or undefined when the table has none. */
export function findEvent(e: EventParams): EventDefinition | undefined {
  return eventDefinitions.find((d) => d.eventId === e.eventId && matches(d.paramOne, e.paramOne) && matches(d.paramTwo, e.paramTwo))
}

/** The event explained in the given language, its parameter values filled in. */
export function describeEvent(e: EventParams, locale: EventLocale): string {
  const d = findEvent(e)
  if (d) return (locale === 'zh-CN' ? d.zh : d.en).replace('{1}', String(e.paramOne)).replace('{2}', String(e.paramTwo))
  const known = eventDefinitions.some((x) => x.eventId === e.eventId)
  if (known) {
    return locale === 'zh-CN'
      ? `事件 ${e.eventId}：参数 ${e.paramOne}、${e.paramTwo} 不在事件对照表中`
      : `Event ${e.eventId} with parameters ${e.paramOne}, ${e.paramTwo}, which the event table does not list`
  }
  return locale === 'zh-CN'
    ? `未知事件 ${e.eventId}（参数 ${e.paramOne}、${e.paramTwo}）`
    : `Unknown event ${e.eventId} (parameters ${e.paramOne}, ${e.paramTwo})`
}

/**
 * Whether a user sends video after these events: the latest of "enabled / disabled video
 * upstreaming" (SDK 4006 with ParamOne 0 / 1, L16596–L16598) and "Enabled / Disabled video" (WebRTC
 * 32768 / 32770, L16743–L16747) says so. False when the events never say.
 */
export function sendsVideo(events: readonly (EventParams & { timeMs: number })[]): boolean {
  let on = false
  let latest = -Infinity
  for (const e of events) {
    const says = e.eventId === 4006 ? (e.paramOne === 0 ? true : e.paramOne === 1 ? false : null) : e.eventId === 32768 ? true : e.eventId === 32770 ? false : null
    if (says !== null && e.timeMs >= latest) {
      on = says
      latest = e.timeMs
    }
  }
  return on
}
