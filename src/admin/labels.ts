import type { AnswerStatus } from '../answer/types.js';
import type { Surface } from '../store/store.js';

export const NO_REASON = '未说明原因';

export const STATUS_LABELS: Record<AnswerStatus, string> = { answered: '已回答', not_found: '未找到答案' };

export const SURFACE_LABELS: Record<Surface, string> = {
  mention: '频道提及',
  dm: '私信',
  command: '/policy 命令',
  home: '首页提问',
};

/** The policy is Shandong's and so are its readers: days and times are Beijing time (UTC+8, no daylight saving). */
export const UTC_OFFSET_MINUTES = 8 * 60;
export const TIME_ZONE_LABEL = '北京时间';

/** `2024-05-01T02:03:04.000Z` → `2024-05-01 10:03` (Beijing time). */
export function localTime(iso: string): string {
  const shifted = new Date(Date.parse(iso) + UTC_OFFSET_MINUTES * 60_000);
  return Number.isNaN(shifted.getTime()) ? iso : shifted.toISOString().slice(0, 16).replace('T', ' ');
}

/** The user-facing texts of the dashboard, asserted by the tests. */
export const TEXT = {
  title: 'policybot 管理面板',
  loginTitle: 'policybot 管理面板：请登录',
  loginPrompt: '请输入配置中的管理令牌（POLICYBOT_ADMIN_TOKEN）。',
  loginField: '管理令牌',
  loginButton: '登录',
  wrongToken: '令牌不正确，请重试。',
  logout: '退出登录',
  refresh: '刷新',
  days: '天数',
  limit: '每表行数',
  exportCsv: '导出 CSV',
  exportLog: '导出全部问答记录（CSV）',
  empty: '（无）',
  badQuery: '参数无效',
} as const;
