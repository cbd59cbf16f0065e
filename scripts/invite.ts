/** `npm run invite`: prints the bot's invite link (src/cli/invite.ts). */
import { runInvite } from '../src/cli/invite.js';

runInvite();
