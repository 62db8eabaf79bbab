export const en = {
  'designer.title': 'Layout designer',
  'designer.subtitle': 'Design cloud-mix and recording layouts, offline, and send them to a running task.',
  'designer.empty.title': 'No layout open',
  'designer.empty.body': 'Start from a canvas preset. Layouts compile to McuLayoutParams for live mixing and to MixLayoutParams for cloud recording.',
} as const

export const zhCN: Record<keyof typeof en, string> = {
  'designer.title': '布局设计器',
  'designer.subtitle': '离线设计云端混流与录制布局，并发送到正在运行的任务。',
  'designer.empty.title': '尚未打开布局',
  'designer.empty.body': '从画布预设开始。布局可编译为实时混流的 McuLayoutParams 或云端录制的 MixLayoutParams。',
}
