export const en = {
  'sei.title': 'SEI preview',
  'sei.subtitle': 'See where each speaker sits in the mixed stream and how loud they are, from the volume-layout SEI.',
  'sei.paste.label': 'Volume-layout JSON',
  'sei.paste.hint': 'Paste the JSON carried in one SEI message (003 L2225).',
  'sei.paste.example': 'Load the reference example',
  'sei.paste.empty': 'Paste a volume-layout JSON to draw it.',
  'sei.canvas': 'Canvas {w} × {h}',
  'sei.regions': '{count} regions',
  'sei.volume': 'Volume {value}',
  'sei.error': 'This is not a volume-layout JSON: {message}',
  'sei.warnings': 'Warnings',
} as const

export const zhCN: Record<keyof typeof en, string> = {
  'sei.title': 'SEI 预览',
  'sei.subtitle': '根据音量布局 SEI 查看每位发言人在混流画面中的位置和音量。',
  'sei.paste.label': '音量布局 JSON',
  'sei.paste.hint': '粘贴一条 SEI 消息中携带的 JSON（003 L2225）。',
  'sei.paste.example': '载入文档示例',
  'sei.paste.empty': '粘贴音量布局 JSON 即可绘制。',
  'sei.canvas': '画布 {w} × {h}',
  'sei.regions': '{count} 个区域',
  'sei.volume': '音量 {value}',
  'sei.error': '这不是音量布局 JSON：{message}',
  'sei.warnings': '警告',
}
