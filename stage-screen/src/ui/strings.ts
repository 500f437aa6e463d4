// The stage's own words in English and Chinese (the Pixi stage has no Vue, so no vue-i18n: a typed table).

const en = {
  scanToJoin: 'Scan to join',
  orVisit: 'or open',
  code: 'Code',
  participants: (n: number) => `${n.toLocaleString('en')} joined`,
  online: (n: number) => `${n.toLocaleString('en')} online`,
  nextPrize: 'Next prize',
  noRound: 'Waiting for the next round',
  committed: 'committed before entries closed',
  drawing: (prize: string) => `Drawing: ${prize}`,
  winner: 'Winner',
  winners: (prize: string, n: number) => (n === 1 ? `Winner of ${prize}` : `Winners of ${prize} (${n})`),
  announceRound: (prize: string, k: number) =>
    `Round for ${prize}: ${k} winner${k === 1 ? '' : 's'}. Drawing now.`,
  announceWinners: (prize: string, names: string[]) => `${prize}: ${names.join(', ')}`,
  page: (p: number, n: number) => `Page ${p} of ${n}  ←  →`,
  history: 'Winners',
  /** Beside a winner in the history who gave the prize up (no-show or past the deadline). */
  forfeited: 'forfeited',
  joined: 'joined',
  muted: 'Sound off (M)',
  hostHelp: 'Space: draw · N: next prize · D: wheel/slots for the next N · M: mute · F: full screen',
  newRound: (prize: string, mode: string) => `Armed: ${prize} (${mode})`,
  error: (msg: string) => `Cannot do that: ${msg}`,
  notFound: 'No event with this code',
  mode: { wheel: 'wheel', slots: 'slot machine' },
  /** D's answer: the mode applies to the next round armed with N (an armed round keeps its own). */
  nextMode: (mode: string) => `Next round (N): ${mode}`,
  /** Short label before the event's audit head (`seq:8 hex`), which anyone can check later. */
  auditHead: 'audit log head',
};

const zh: typeof en = {
  scanToJoin: '扫码参与',
  orVisit: '或打开',
  code: '参与码',
  participants: (n) => `已参与 ${n.toLocaleString('zh-CN')} 人`,
  online: (n) => `在线 ${n.toLocaleString('zh-CN')}`,
  nextPrize: '下一个奖品',
  noRound: '等待下一轮抽奖',
  committed: '已在报名截止前承诺',
  drawing: (prize) => `正在抽取：${prize}`,
  winner: '中奖者',
  winners: (prize, n) => (n === 1 ? `${prize} 中奖者` : `${prize} 中奖者（${n} 人）`),
  announceRound: (prize, k) => `${prize} 抽奖开始，共 ${k} 名中奖者。`,
  announceWinners: (prize, names) => `${prize}：${names.join('、')}`,
  page: (p, n) => `第 ${p} / ${n} 页  ←  →`,
  history: '中奖名单',
  forfeited: '已作废',
  joined: '加入了',
  muted: '已静音（M）',
  hostHelp: '空格：抽奖 · N：下一个奖品 · D：下一轮用转盘/老虎机 · M：静音 · F：全屏',
  newRound: (prize, mode) => `已准备：${prize}（${mode}）`,
  error: (msg) => `无法执行：${msg}`,
  notFound: '没有这个参与码的活动',
  mode: { wheel: '转盘', slots: '老虎机' },
  nextMode: (mode) => `下一轮（N）：${mode}`,
  auditHead: '审计日志头',
};

/** The stage's strings. */
export type Strings = typeof en;

/** Why: the audience reads Chinese or English; the language is the event's (see stageLook) or ?lang=. */
export function stringsFor(lang: 'zh' | 'en'): Strings {
  return lang === 'zh' ? zh : en;
}
