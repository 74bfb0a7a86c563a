import type { Figures } from './figures.js';
import { STATUS_LABELS } from './labels.js';

const GREEN = '#2f7d4f';
const RED = '#c8553d';
const BLUE = '#3a6ea5';
const GREY = '#9aa3ad';

/**
 * Chart.js configurations (plain JSON: no callbacks) for the figures people would rather look at than read, keyed
 * by the `data-chart` of their box on the page. Built from the same figures as the tables beside them.
 */
export function chartConfigs(f: Figures): Record<string, object> {
  const configs: Record<string, object> = {
    'per-day': {
      type: 'bar',
      data: {
        labels: f.perDay.map((d) => d.day.slice(5)),
        datasets: [
          { label: STATUS_LABELS.answered, data: f.perDay.map((d) => d.answered), backgroundColor: GREEN },
          { label: STATUS_LABELS.not_found, data: f.perDay.map((d) => d.notFound), backgroundColor: RED },
        ],
      },
      options: {
        maintainAspectRatio: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
      },
    },
  };
  if (f.totals.questions > 0) {
    configs.answers = {
      type: 'doughnut',
      data: {
        labels: [STATUS_LABELS.answered, STATUS_LABELS.not_found],
        datasets: [{ data: [f.totals.answered, f.totals.notFound], backgroundColor: [GREEN, RED] }],
      },
      options: { maintainAspectRatio: false, plugins: { legend: { position: 'right' } } },
    };
  }
  if (f.quizzes.length > 0) {
    // Oldest first, as a timeline reads.
    const quizzes = [...f.quizzes].reverse();
    configs.quizzes = {
      type: 'bar',
      data: {
        labels: quizzes.map((q) => q.id),
        datasets: [
          {
            label: '平均得分率（%）',
            data: quizzes.map((q) => Math.round(q.averageShare * 1000) / 10),
            backgroundColor: BLUE,
            yAxisID: 'y',
          },
          {
            label: '参与人数',
            data: quizzes.map((q) => q.participants),
            backgroundColor: GREY,
            yAxisID: 'people',
          },
        ],
      },
      options: {
        maintainAspectRatio: false,
        scales: {
          y: { beginAtZero: true, max: 100, title: { display: true, text: '%' } },
          people: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false }, ticks: { precision: 0 } },
        },
      },
    };
  }
  return configs;
}
