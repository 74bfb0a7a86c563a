/**
 * The form questions are grouped by in the report: "加氢站目标是多少？" and " 加氢站目标是多少" count as one.
 * NFKC folds full-width letters and digits; punctuation, symbols and spaces carry no meaning for grouping.
 */
export function normaliseQuestion(question: string): string {
  return question
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\p{Z}\s]+/gu, '');
}
