import type { types } from '@slack/bolt';

/** A chat message: Block Kit for the client, `text` for notifications and clients that cannot show blocks. */
export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}
