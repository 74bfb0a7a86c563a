/** Every string inside a Block Kit payload, joined: what a reader could see, for content assertions. */
export function blocksText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(blocksText).join('\n');
  if (value !== null && typeof value === 'object') return Object.values(value).map(blocksText).join('\n');
  return '';
}

/** The `value` of the first button with this action_id anywhere in the blocks. */
export function buttonValue(blocks: unknown, actionId: string): string | undefined {
  if (Array.isArray(blocks)) {
    for (const item of blocks) {
      const found = buttonValue(item, actionId);
      if (found !== undefined) return found;
    }
  } else if (blocks !== null && typeof blocks === 'object') {
    const record = blocks as Record<string, unknown>;
    if (record.action_id === actionId && typeof record.value === 'string') return record.value;
    for (const child of Object.values(record)) {
      const found = buttonValue(child, actionId);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
